"""The finders, loaders and ModuleSpec used by the import system."""
from _frozen_importlib import (ModuleSpec, BuiltinImporter, FrozenImporter,
                               PathFinder, FileFinder, SourceFileLoader,
                               NamespaceLoader)

SOURCE_SUFFIXES = ['.py']
BYTECODE_SUFFIXES = ['.pyc']
EXTENSION_SUFFIXES = []


def all_suffixes():
    """Every file suffix the import system recognises."""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES
