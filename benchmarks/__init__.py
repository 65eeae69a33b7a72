"""Benchmarks of textclean: speed and quality beside other tools, a corpus generator, CLI throughput."""
