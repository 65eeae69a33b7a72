"""Helpers of single cleaners, named for what they are."""
