"""What pytest collects from the source tree: a module whose optional dependency is missing is left out."""

import importlib.util

# textclean.integrations.datatrove subclasses datatrove's steps, so it cannot be imported without datatrove
# (pip install 'textclean-kit[datatrove]'); its tests in tests/test_datatrove.py skip and say so.
collect_ignore = [] if importlib.util.find_spec("datatrove") else ["src/textclean/integrations/datatrove.py"]
