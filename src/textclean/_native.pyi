# The native core (native/src/python.rs): each function gives its edits as parallel lists of starts,
# ends, replacements and rule names, or its tokens as parallel lists of kinds, starts, ends, texts and
# URLs; offsets in code points of the text it was given.

EditLists = tuple[list[int], list[int], list[str], list[str]]
TokenLists = tuple[list[str], list[int], list[int], list[str], list[str | None]]

def whitespace_edits(text: str, max_blank_lines: int) -> EditLists: ...
def link_tokens(text: str) -> TokenLists: ...
def fail_like_a_broken_rule(text: str) -> EditLists: ...
