"""What ``boilerplate`` and ``footer`` share: page furniture and how it is told from the article.

- ``blocks``: the block splitter and the table of block features;
- ``lexicon``: word lists and precompiled phrase patterns of furniture, in many languages;
- ``evidence``: the one reader of what a block says of itself (labels, phrases, user patterns);
- ``strictness``: the one ``Strictness`` type, decoded once into named rules;
- ``passes``: the block classifier, an ordered list of named passes over the feature table;
- ``removal``: the removal guard and the writer of removal edits.
"""
