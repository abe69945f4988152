"""A format file that extends another: the base's JSON with the variant's rows, labels, spans and rules applied.

A variant (a province's extra rows, a local rule pack) names its base with ``"extends"`` and says only what differs:

- top-level fields (``name``, ``notice``, ``years``, ...) replace the base's;
- ``sections``: a list of partial sections, merged by ``key`` (e.g. another ``placeholder``);
- ``tables``: a list of table patches by ``key``, each with any of
  ``relabel`` ({old: new}: every cell text, row name and column label that reads ``old``),
  ``columns`` ({key: column}: added or replaced), ``add_rows`` ([{"after": row key} or {"before": row key},
  "rows": [rows as in the base]]), ``respan`` ({label text: {"rowspan": n, "colspan": n}}),
  ``totals`` (more total definitions) and ``totals_add`` ([{"rule", "into", "of": [more parts]}]);
- ``rules``: a rule whose ``code`` the base has replaces it, a new code is added; ``drop_rules`` removes codes.

The result is checked by the same builder as any format, so a patch that breaks the grid is a FormatError.
"""

from __future__ import annotations

import copy
from typing import Any

from model.format_spec import FormatError

PATCH_KEYS = {"sections", "tables", "rules", "drop_rules", "extends", "schema", "official"}
TABLE_PATCH_KEYS = {"key", "relabel", "columns", "add_rows", "respan", "totals", "totals_add"}


def extend(base: dict[str, Any], variant: dict[str, Any]) -> dict[str, Any]:
    """The variant's full definition: a copy of the base with the variant's changes applied."""
    out = copy.deepcopy(base)
    for key, value in variant.items():
        if key not in PATCH_KEYS:
            out[key] = copy.deepcopy(value)
    out["extends"] = variant["extends"]
    out["official"] = bool(variant.get("official", False))
    out["family"] = base.get("family", base["id"])
    for section in variant.get("sections", []):
        _by_key(out["sections"], section, "section").update(copy.deepcopy(section))
    for patch in variant.get("tables", []):
        _patch_table(_by_key(out["tables"], patch, "table"), patch)
    _patch_rules(out, variant)
    return out


def with_rules(base: dict[str, Any], pack: dict[str, Any]) -> dict[str, Any]:
    """A copy of the base with only a rule pack's ``rules`` and ``drop_rules`` applied (its id, name, tables stay)."""
    out = copy.deepcopy(base)
    _patch_rules(out, pack)
    return out


def _by_key(items: list[dict[str, Any]], patch: dict[str, Any], what: str) -> dict[str, Any]:
    key = patch.get("key")
    for item in items:
        if item.get("key") == key:
            return item
    raise FormatError(f"extends: the base has no {what} {key!r}")


def _patch_table(table: dict[str, Any], patch: dict[str, Any]) -> None:
    unknown = set(patch) - TABLE_PATCH_KEYS
    if unknown:
        raise FormatError(f"table {table['key']}: unknown change {sorted(unknown)}")
    table["columns"].update(copy.deepcopy(patch.get("columns", {})))
    for insert in patch.get("add_rows", []):
        _insert_rows(table, insert)
    for text, span in patch.get("respan", {}).items():
        for cell in _label_cells(table, text):
            cell.update({k: v for k, v in span.items() if k in ("rowspan", "colspan")})
    for old, new in patch.get("relabel", {}).items():
        _relabel(table, old, new)
    table.setdefault("totals", []).extend(copy.deepcopy(patch.get("totals", [])))
    for more in patch.get("totals_add", []):
        _total(table, more)["of"].extend(more["of"])


def _insert_rows(table: dict[str, Any], insert: dict[str, Any]) -> None:
    anchor = insert.get("after", insert.get("before"))
    keys = [row.get("key") for row in table["rows"]]
    if anchor not in keys:
        raise FormatError(f"table {table['key']}: add_rows names no row {anchor!r}")
    at = keys.index(anchor) + (1 if "after" in insert else 0)
    table["rows"][at:at] = copy.deepcopy(insert["rows"])


def _label_cells(table: dict[str, Any], text: str) -> list[dict[str, Any]]:
    found = [cell for row in table["rows"] for cell in row.get("cells", []) if cell.get("text") == text]
    if not found:
        raise FormatError(f"table {table['key']}: no label reads {text!r}")
    return found


def _relabel(table: dict[str, Any], old: str, new: str) -> None:
    hits = 0
    for row in table["rows"]:
        for cell in row.get("cells", []):
            if cell.get("text") == old:
                cell["text"], hits = new, hits + 1
        if row.get("name") == old:
            row["name"], hits = new, hits + 1
    for column in table["columns"].values():
        for field in ("label", "name"):
            if column.get(field) == old:
                column[field], hits = new, hits + 1
    if not hits:
        raise FormatError(f"table {table['key']}: relabel finds no {old!r}")


def _total(table: dict[str, Any], more: dict[str, Any]) -> dict[str, Any]:
    for total in table.get("totals", []):
        if total.get("rule") == more.get("rule") and total.get("into") == more.get("into"):
            return total  # type: ignore[no-any-return]
    raise FormatError(f"table {table['key']}: no total {more.get('rule')} into {more.get('into')!r}")


def _patch_rules(out: dict[str, Any], variant: dict[str, Any]) -> None:
    dropped = set(variant.get("drop_rules", []))
    rules = [rule for rule in out["rules"] if rule["code"] not in dropped]
    codes = [rule["code"] for rule in rules]
    for rule in variant.get("rules", []):
        if rule["code"] in codes:
            rules[codes.index(rule["code"])] = copy.deepcopy(rule)
        else:
            rules.append(copy.deepcopy(rule))
            codes.append(rule["code"])
    out["rules"] = rules
