"""Write native/src/casefold_table.rs: every code point whose ``str.casefold()`` is not itself.

    python native/tools/casefold_table.py > native/src/casefold_table.rs

The table is Unicode's full case folding as the Python that runs this script has it (Python 3.11:
Unicode 14.0), so that the native core folds words exactly as ``str.casefold`` does there.
"""

import sys
import unicodedata

rows = []
for point in range(0x110000):
    if 0xD800 <= point < 0xE000:
        continue
    folded = chr(point).casefold()
    if folded != chr(point):
        escaped = "".join(f"\\u{{{ord(c):x}}}" for c in folded)
        rows.append(f'    (\'\\u{{{point:x}}}\', "{escaped}"),')
sys.stdout.write(
    f"//! Full case folding, as Python's `str.casefold` has it (Unicode {unicodedata.unidata_version}).\n"
    "//! Written by `native/tools/casefold_table.py`; do not edit by hand.\n\n"
    f"pub(crate) static CASEFOLD: [(char, &str); {len(rows)}] = [\n" + "\n".join(rows) + "\n];\n"
)
