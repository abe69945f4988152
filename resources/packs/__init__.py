"""Rule packs (执行口径): format files with "pack": true that add or change rules, found by the format loader."""
