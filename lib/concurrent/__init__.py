# Package marker for concurrent (only concurrent.futures is provided).
