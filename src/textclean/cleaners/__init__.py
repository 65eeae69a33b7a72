"""The built-in cleaners, one module each. Every cleaner is a plain ``str -> str`` function."""
