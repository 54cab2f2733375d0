# The ElementTree toolkit: ElementTree (the tree and its serialisation) and
# ElementPath (the XPath subset used by find()).
