# The native core (native/src/python.rs): each function gives its edits as parallel lists of starts,
# ends, replacements and rule names (or its tokens as lists of kinds, starts, ends and shown texts),
# offsets in code points of the text it was given.

EditLists = tuple[list[int], list[int], list[str], list[str]]
TokenLists = tuple[list[str], list[int], list[int], list[str]]

# The kinds of formatting markup; bit i of a mask of kinds stands for MARKUP_KIND_BITS[i].
MARKUP_KIND_BITS: tuple[str, ...]

def whitespace_edits(text: str, max_blank_lines: int) -> EditLists: ...
def markup_tokens(text: str, kinds: int) -> TokenLists: ...
def fail_like_a_broken_rule(text: str) -> EditLists: ...
