"""The JSON Schema (2020-12) of each kind's records, as usnz reads and writes them."""

from __future__ import annotations

import copy
import types
import typing
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, Final, Literal

import attrs

from usnz.faces.columns import field_docs
from usnz.model.amounts import AMOUNT_PLACES, AMOUNT_WRITTEN, MAX_AMOUNT_DIGITS
from usnz.model.calls import checked_call
from usnz.model.countries import COUNTRIES
from usnz.model.names import kind_name
from usnz.model.records import KINDS, AnyRecord
from usnz.model.valuetypes import VALUE_TYPES, Declared, declared_type

__all__ = ["STRICT_EDTF_DATE", "STRICT_EDTF_INTERVAL", "description", "json_schema"]

_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
# EDTF as strictly as a regular expression can say it: years 0001-9999, months 01-12, days 01-31.
_YEAR: Final = r"(?:[0-9]{3}[1-9]|[0-9]{2}[1-9]0|[0-9][1-9]00|[1-9]000)"
_DECADE: Final = r"(?:[0-9]{2}[1-9]|[0-9][1-9]0|[1-9]00)X"
_DAY_DATE: Final = rf"(?:{_YEAR}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?|{_DECADE})~?"
STRICT_EDTF_DATE: Final = _DAY_DATE
"""The dates the JSON and Table Schemas accept: ``1951``, ``2008-07``, ``1965-05-27``, ``196X``, with ``~``."""
STRICT_EDTF_INTERVAL: Final = rf"(?:{_DAY_DATE}/(?:{_DAY_DATE}|\.\.)?|(?:\.\.)?/{_DAY_DATE})"
"""The intervals the schemas accept: each end a date, unknown (empty) or open (``..``), a date at one end at least."""
_NOT_CHECKED_DATE: Final = (
    "Not checked by this pattern (usnz.load refuses it): a day past the end of its month, "
    "such as 1965-02-30 or 2001-02-29"
)
_NOT_CHECKED_INTERVAL: Final = (
    "Not checked by this pattern (usnz.load refuses both): a day past the end of its month "
    "(1965-02-30/1966), and an end before the start (1975/1939)"
)
_NOT_CHECKED_RECORD: Final = (
    "Not checked by this schema (usnz.load checks them): a date_basis exactly when the record carries "
    "a date; read naming only fields the record sets, on a record with a doubt; a source paragraph cited once "
    "only; and what one record cannot show: ids unique across "
    "files, references to records that exist, disputes listed both ways; numbers kept exactly (an integer "
    "beyond ±2^53, a number so small it would be read as another, between 0 and about 2.2e-308, is refused); "
    "text free of lone surrogates (the patterns refuse control characters but tab and newline)"
)


def _not_checked(cls: type) -> str | None:
    """What usnz.load checks of a value of *cls* across its fields (its ``cross_check``), which this schema cannot."""
    check: str | None = getattr(cls, "cross_check", None)
    return None if check is None else f"Not checked by this schema (usnz.load refuses it): {check}"


_COUNTRY: Final = {"type": "string", "enum": list(COUNTRIES)}


def _declared(declared: Declared) -> dict[str, Any] | None:
    """What a field's declaration says its values are: country codes (``country=True``), one or several."""
    if not declared.country:
        return None
    return {"items": dict(_COUNTRY), "uniqueItems": True} if declared.many else dict(_COUNTRY)


def description(cls: type) -> str:
    """The first line of a class's docstring: what its records (or values) are."""
    return (cls.__doc__ or cls.__name__).strip().splitlines()[0]


def _constraints(validator: object) -> dict[str, Any]:
    """What an attrs validator requires, as JSON Schema keywords (those it can say)."""
    requires = getattr(validator, "requires", None)
    if requires is not None:  # a check that declares what it requires (@requiring)
        return copy.deepcopy(dict(typing.cast("dict[str, Any]", requires)))
    accepts = getattr(validator, "accepts", None)
    if isinstance(accepts, tuple):  # a check that declares the only values it accepts
        return {"type": "string", "enum": list(typing.cast("tuple[str, ...]", accepts))}
    found: dict[str, Any] = {}
    for part in getattr(validator, "_validators", ()):
        found.update(_constraints(part))
    inner = getattr(validator, "validator", None)
    if inner is not None:
        found.update(_constraints(inner))
    pattern = getattr(validator, "pattern", None)
    if pattern is not None:
        found["pattern"] = f"^(?:{pattern.pattern})$"
    options = getattr(validator, "options", None)
    if isinstance(options, tuple | frozenset | set | list):
        accepted = typing.cast("Iterable[object]", options)
        found["enum"] = sorted((option for option in accepted if option is not None), key=str)
    min_length = getattr(validator, "min_length", None)
    if min_length is not None:
        found["minLength"] = min_length
    if getattr(validator, "compare_op", None) == ">=":
        found["minimum"] = getattr(validator, "bound", None)
    if getattr(validator, "compare_op", None) == "<=":
        found["maximum"] = getattr(validator, "bound", None)
    return found


def _schema_of(hint: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of values of type *hint* (value types go in *defs*)."""
    if hint in VALUE_TYPES or attrs.has(hint):  # a value type, or values with fields of their own (a role)
        name: str = VALUE_TYPES[hint].name if hint in VALUE_TYPES else hint.__name__
        if name not in defs:
            defs[name] = {}  # claimed first, so a value type that refers to itself cannot recurse
            defs[name] = _value_schema(hint, defs)
        return {"$ref": f"#/$defs/{name}"}
    origin = typing.get_origin(hint)
    if origin is tuple:
        return {"type": "array", "items": _schema_of(typing.get_args(hint)[0], defs)}
    if origin is Literal:
        return {"enum": [v for v in typing.get_args(hint) if v is not None]}
    if origin in {typing.Union, types.UnionType}:
        options = typing.get_args(hint)
        if set(options) <= {int, float}:
            return {"type": "number"}
        return {"anyOf": [_schema_of(option, defs) for option in options]}
    simple = {str: "string", int: "integer", bool: "boolean", float: "number", Decimal: "string"}
    return {"type": simple.get(hint, "string")}


def _value_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    form = VALUE_TYPES[cls].form if cls in VALUE_TYPES else "object"
    if form == "date":
        return {
            "type": "string",
            "pattern": f"^{STRICT_EDTF_DATE}$",
            "description": f"An EDTF date: 1951, 2008-07, 1965-05-27, 196X, 2001~. {_NOT_CHECKED_DATE}",
        }
    if form == "interval":
        return {
            "type": "string",
            "pattern": f"^{STRICT_EDTF_INTERVAL}$",
            "description": "An EDTF interval: 1950/1957, 1965-07/ (end unknown), /1957 (start unknown), "
            f"2003/.. (open); each end a date, unknown or open. {_NOT_CHECKED_INTERVAL}",
        }
    schema = _object(cls, defs)
    not_checked = _not_checked(cls)
    if not_checked is not None:
        schema["description"] = f"{schema['description']} {not_checked}"
    if form == "quantity":
        schema["anyOf"] = [{"required": [name]} for name in ("best", "low", "high")]
    if form == "money":
        schema["properties"]["amount"] = {
            "type": "string",
            "pattern": f"^{AMOUNT_WRITTEN}$",
            "description": (
                "The amount as a decimal string of digits, exactly as stated: below "
                f"10^{MAX_AMOUNT_DIGITS}, with at most {AMOUNT_PLACES} decimal places"
            ),
        }
    return schema


def _object(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of an attrs class: its fields, which are required, nothing else."""
    docs = field_docs(cls)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        declared = declared_type(cls, field.name)
        schema = _schema_of(declared.type, defs)
        if "$ref" not in schema:
            schema.update(_declared(declared) or _constraints(field.validator))
        fields_of = getattr(field.validator, "fields_of", None)
        if fields_of is not None:  # names of fields of the class itself (a record's read): those it may name
            schema["items"] = {"type": "string", "enum": list(fields_of(cls))}
        if declared.optional:
            schema = {"anyOf": [schema, {"type": "null"}]}
        properties[field.name] = {**schema, "description": docs.get(field.name, field.name)}
        if field.default is attrs.NOTHING:
            required.append(field.name)
    return {
        "type": "object",
        "description": description(cls),
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


@checked_call
def json_schema(kind: str | type[AnyRecord]) -> dict[str, Any]:
    """The JSON Schema (2020-12) of one record of a kind (its name or class), as usnz reads and writes it.

    A ``<kind>.json`` data file is an array of these; a ``.jsonl`` file has one per line.
    Each call returns a new object: changing it changes nothing else.

    >>> schema = json_schema("force-contributions")
    >>> schema["required"]
    ['id', 'citations', 'conflict', 'country', 'summary']

    Raises:
        ArgumentValueError: for a kind that does not exist.
    """
    cls = KINDS[kind_name(kind)]
    defs: dict[str, Any] = {}
    body = _object(cls, defs)
    described = body["description"] if body["description"].endswith(".") else body["description"] + "."
    not_checked = _not_checked(cls)
    extra = "" if not_checked is None else f". {not_checked}"
    body["description"] = f"{described} {_NOT_CHECKED_RECORD}{extra}"
    schema = {"$schema": _DIALECT, "title": f"usnz {cls.__name__}", **body, "$defs": dict(sorted(defs.items()))}
    return copy.deepcopy(schema)  # the parts shared by every schema are not handed out
