"""A parsed query (query.querylang) as SQL over `documents d`: an FTS5 MATCH to rank by, plus filters.

The text part of a query becomes one FTS5 expression bound as a parameter (never spliced into
the SQL); filters become parameterised EXISTS clauses on the derived tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..query.querylang import And, DateRange, Filter, Not, Or, fts_expression, is_text

# Suffix that sorts after any character of an ISO 8601 date ("2008" + "~" > "2008-12-31T23:59Z").
ISO_AFTER = "~"


@dataclass
class Plan:
    """`match`: the FTS5 expression to rank by (None for filters only); `where`: SQL over d."""

    match: str | None
    where: str = "1"
    params: list = field(default_factory=list)


def compile_plan(tree) -> Plan:
    if is_text(tree):
        return Plan(fts_expression(tree))
    if isinstance(tree, And):
        positive = [i for i in tree.items if not isinstance(i, Not) and is_text(i)]
        if positive:
            negative = [i for i in tree.items if isinstance(i, Not) and is_text(i.item)]
            others = [i for i in tree.items if i not in positive and i not in negative]
            text = positive[0] if len(positive) == 1 and not negative else And(tuple(positive + negative))
            where, params = _join(others, " AND ") if others else ("1", [])
            return Plan(fts_expression(text), where, params)
    where, params = _sql(tree)
    return Plan(None, where, params)


def _join(items, glue: str) -> tuple[str, list]:
    parts, params = [], []
    for item in items:
        sql, p = _sql(item)
        parts.append(f"({sql})")
        params += p
    return glue.join(parts), params


def _sql(node) -> tuple[str, list]:
    if is_text(node):
        return "d.doc IN (SELECT rowid FROM fts WHERE fts MATCH ?)", [fts_expression(node)]
    if isinstance(node, Not):
        sql, params = _sql(node.item)
        return f"NOT ({sql})", params
    if isinstance(node, And):
        return _join(node.items, " AND ")
    if isinstance(node, Or):
        return _join(node.items, " OR ")
    if isinstance(node, DateRange):
        return _date(node)
    if isinstance(node, Filter):
        return _filter(node)
    raise TypeError(f"cannot compile {node!r}")


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filter(node: Filter) -> tuple[str, list]:
    value = node.value
    if node.field == "kind":
        return "d.kind = ?", [value]
    if node.field == "class":
        return "d.classification = ?", [value]
    if node.field == "origin":
        return "d.origin LIKE ? ESCAPE '\\'", [_like(value)]
    if node.field == "id":
        return "(d.cable_id = ? OR d.key = ?)", [value, value]
    if node.field == "tag":
        return "EXISTS (SELECT 1 FROM tags t WHERE t.doc = d.doc AND t.code = ?)", [value]
    if node.field == "caveat":
        return "EXISTS (SELECT 1 FROM caveats c WHERE c.doc = d.doc AND c.caveat = ?)", [value]
    if node.field == "ref":
        return "EXISTS (SELECT 1 FROM refs r WHERE r.doc = d.doc AND r.ref_id = ?)", [value]
    if node.field == "to":
        return ("EXISTS (SELECT 1 FROM recipients r WHERE r.doc = d.doc AND r.name LIKE ? ESCAPE '\\')",
                [_like(value)])
    if node.field == "entity":
        return ("d.doc IN (SELECT ed.doc FROM entity_docs ed WHERE ed.entity IN "
                "(SELECT entity FROM aliases WHERE alias = ? UNION SELECT ?))", [value, value])
    raise TypeError(f"unknown filter {node.field}")


def _date(node: DateRange) -> tuple[str, list]:
    parts, params = [], []
    if node.low:
        parts.append("d.date >= ?")
        params.append(node.low)
    if node.high:
        parts.append("d.date < ?")
        params.append(node.high + ISO_AFTER)
    return " AND ".join(parts), params
