"""How calls are read: a kind by its class or its name, a call a function cannot take, text read as given."""

from __future__ import annotations

import inspect
import types
from typing import Any

import pytest

import usnz
import usnz.export
from usnz.cli import main
from usnz.model.calls import checked_call
from usnz.querying.dataset import Dataset

# -- a record kind by its class, as usnz.get(id, Kind) takes it ------------------------------------------


@pytest.mark.parametrize("plural", list(usnz.KINDS))
def test_every_kind_taking_function_takes_the_class(plural: str) -> None:
    cls = usnz.KINDS[plural]
    data = usnz.dataset()
    assert usnz.export.kind_name(cls) == plural
    assert data.records(cls) == data.records(plural)
    assert data.to_frame(cls).equals(data.to_frame(plural))
    assert usnz.export.json_schema(cls) == usnz.export.json_schema(plural)


def test_search_takes_a_class_or_several() -> None:
    assert usnz.search("anzus", kind=usnz.Event) == usnz.search("anzus", kind="event")
    assert usnz.search("anzus", kind=usnz.Event).ids()  # not empty: the same answer, not two empty ones
    mixed = usnz.search("anzus", kind=[usnz.Agreement, "event"])
    assert mixed == usnz.search("anzus", kind=["agreement", "event"])
    assert {r.record_kind for r in mixed} == {"agreement", "event"}
    assert usnz.search("anzus", kind=usnz.Agreement, scores=True) == usnz.search("anzus", kind="agreement", scores=True)


def test_a_class_that_is_no_kind_is_refused() -> None:
    class MyEvent(usnz.Event):  # type: ignore[misc]  # a subclass of a kind is not the kind
        pass

    for given in (MyEvent, usnz.Record, int):
        with pytest.raises(usnz.ArgumentTypeError, match=r"the record classes are usnz\.Source, usnz\.Agreement"):
            usnz.search("anzus", kind=given)  # type: ignore[arg-type]


# -- a call a function cannot take -----------------------------------------------------------------------


def _refused(call: Any) -> str:
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        call()
    assert isinstance(caught.value, TypeError)
    assert isinstance(caught.value, usnz.Error)
    assert caught.value.__cause__ is None
    return str(caught.value)


def test_an_unknown_filter_is_named_with_the_filters_and_the_closest() -> None:
    assert _refused(lambda: usnz.agreements(parties="USA")) == (
        "agreements() takes no filter 'parties'; its filters are kind=, during=, possibly=, basis=, country=, "
        "involving=; did you mean country=? (the 'parties' field is filtered by country=, involving=)"
    )
    assert _refused(lambda: usnz.events(contry="NZL")) == (
        "events() takes no filter 'contry'; its filters are kind=, during=, possibly=, basis=, involving=, "
        "country=, destination=, conflict=; did you mean country=?"
    )
    # a Dataset's method says the same
    assert _refused(lambda: usnz.dataset().events(contry="NZL")) == _refused(lambda: usnz.events(contry="NZL"))
    assert _refused(lambda: usnz.events(participants="john-key")).endswith(
        "did you mean involving=? (the 'participants' field is filtered by involving=)"
    )
    assert _refused(lambda: usnz.people(roles="prime-minister")).endswith(
        "did you mean office= or country=? (the 'roles' field is filtered by office=, country=, involving=)"
    )
    assert _refused(lambda: usnz.people(role="prime-minister")).endswith("; did you mean office=?")  # a synonym
    assert _refused(lambda: usnz.timeline(speaker="john-key")).endswith(
        "did you mean involving=? (the 'speaker' field is filtered by involving=)"
    )
    assert _refused(lambda: usnz.people(title="Prime Minister")) == (
        "people() takes no filter 'title'; its filters are office=, country=, during=, possibly=, basis=, involving=; "
        "did you mean office=?"
    )
    assert _refused(lambda: usnz.sources(kind="x")) == "sources() takes no filter 'kind'; it takes no filters"
    assert _refused(lambda: usnz.search("anzus", kinds="event")) == (
        "search() takes no argument 'kinds'; its arguments are text=, kind=, scores=; did you mean kind=?"
    )
    assert _refused(lambda: usnz.dataset().to_frame("events", quote=True)).endswith("did you mean quotes=?")
    assert _refused(lambda: usnz.load("nowhere", extend=usnz.dataset())).endswith("did you mean extends=?")
    assert "'x y'" in _refused(lambda: usnz.events(**{"x y": 1}))


def test_filters_given_by_position_are_named() -> None:
    assert _refused(lambda: usnz.agreements("USA")) == (
        "agreements() takes its filters by name only (kind=, during=, possibly=, basis=, country=, involving=); "
        "got 1 positional argument: ('USA',)"
    )
    assert _refused(lambda: usnz.search("anzus", "event")) == (
        "search() takes text by position and its other arguments by name (kind=, scores=); "
        "got 2 positional arguments: ('anzus', 'event')"
    )
    assert _refused(lambda: usnz.disputes(1)) == "disputes() takes no filters; got 1 positional argument: (1,)"


def test_other_mistakes_of_a_call_keep_pythons_words() -> None:
    assert _refused(lambda: usnz.citing()) == "citing() missing 1 required keyword-only argument: 'source'"
    assert _refused(lambda: usnz.dataset().records()) == "records() missing 1 required positional argument: 'kind'"
    assert _refused(lambda: usnz.search("a", text="b")) == "search() got multiple values for argument 'text'"  # type: ignore[misc]


def test_a_type_error_inside_the_function_passes_unchanged() -> None:
    raised = TypeError("from inside")

    def query(*, kind: object = None) -> None:
        raise raised

    query = checked_call(query, filters=True)

    with pytest.raises(TypeError) as caught:
        query(kind=1)
    assert caught.value is raised
    with pytest.raises(usnz.ArgumentTypeError, match="query\\(\\) takes no filter 'knd'; its filters are kind="):
        query(knd=1)  # type: ignore[call-arg]


def test_every_public_method_but_get_is_checked_and_keeps_its_signature() -> None:
    for name, value in vars(Dataset).items():
        if name.startswith("_") or not isinstance(value, types.FunctionType):
            continue
        assert hasattr(value, "__wrapped__") is (name != "get"), name  # get's budget is a microsecond
        assert inspect.signature(value) == inspect.signature(inspect.unwrap(value))
    assert "parties" not in inspect.signature(usnz.agreements).parameters
    assert list(inspect.signature(usnz.agreements).parameters)[:2] == ["kind", "during"]


# -- what a user gives is read as given: no white space around it ---------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: usnz.events(during="2008 "),
            "during='2008 ' has white space around it; usnz reads it as given: try during='2008'",
        ),
        (lambda: usnz.events(during="\t2008-07"), "try during='2008-07'"),
        (lambda: usnz.timeline(during=" 1939/1975"), "try during='1939/1975'"),
        (
            lambda: usnz.events(country=" NZL"),
            "country=' NZL' has white space around it; usnz reads it as given: try country='NZL'",
        ),
        (lambda: usnz.events(involving="anzus "), "try involving='anzus'"),
        (lambda: usnz.events(involving=[" nzl"]), "try involving='nzl'"),
        (lambda: usnz.force_contributions(conflict="korean-war\n"), "conflict='korean-war\\n' has white space"),
        (lambda: usnz.quotes(speaker=" john-key"), "try speaker='john-key'"),
        (
            lambda: usnz.search("anzus", kind=" events"),
            "kind=' events' has white space around it; usnz reads it as given: try kind='events'",
        ),
        (lambda: usnz.dataset().records("people "), "try kind='people'"),
        (lambda: usnz.plot.timeline(during="2008 "), "try during='2008'"),
        (
            lambda: usnz.events(kind=" visit"),
            "kind=' visit' has white space around it; usnz reads it as given: try kind='visit'",
        ),
        (lambda: usnz.events(kind=["visit", "meeting "]), "try kind='meeting'"),
        (lambda: usnz.people(office=" prime-minister"), "try office='prime-minister'"),
        (lambda: usnz.timeline(basis="stated "), "try basis='stated'"),
        (lambda: usnz.doubts(kind=" typo"), "try kind='typo'"),
    ],
)
def test_white_space_around_an_argument_is_refused(call: Any, message: str) -> None:
    with pytest.raises(usnz.ArgumentValueError) as caught:
        call()
    assert message in str(caught.value)


@pytest.mark.parametrize("given", [" anzus", "anzus ", "anzus\n"])
def test_white_space_around_an_id_is_said_by_get(given: str) -> None:
    with pytest.raises(usnz.UnknownRecordError) as caught:
        usnz.get(given)
    assert isinstance(caught.value, KeyError)
    assert str(caught.value) == (
        f"no record has the id {given!r}: it has white space around it; usnz reads it as given: try 'anzus'"
    )
    with pytest.raises(usnz.UnknownRecordError, match="white space around it"):
        usnz.dataset().get(given, usnz.Agreement)


def test_a_name_misspelt_without_white_space_is_still_suggested() -> None:
    with pytest.raises(usnz.ArgumentValueError, match="kind='vist' is not accepted; did you mean 'visit'"):
        usnz.events(kind="vist")
    with pytest.raises(usnz.UnknownRecordError, match=r"^no record has the id ' '; try usnz.search"):
        usnz.get(" ")  # blank: no white space "around" anything


def test_the_same_arguments_without_it_are_taken() -> None:
    assert usnz.events(during="2008")
    assert usnz.events(country="nzl") == usnz.events(country="NZL")  # a code's case is read, as documented
    assert usnz.events(involving="anzus")
    assert usnz.dataset().records("Force Contributions") == usnz.force_contributions()  # spaces within a name


def test_the_command_line_refuses_it_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "events", "--during", "2008 "]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "usnz: error: --during '2008 ' has white space around it; usnz reads it as given: try --during 2008\n"


@pytest.mark.parametrize(
    ("call", "meant"),
    [
        (lambda: usnz.events(year=2008), "during="),
        (lambda: usnz.events(date="2008"), "during="),
        (lambda: usnz.timeline(when="2008"), "during="),
        (lambda: usnz.quotes(person="john-key"), "speaker="),
        (lambda: usnz.quotes(by="john-key"), "speaker="),
        (lambda: usnz.quotes(who="john-key"), "speaker="),
        (lambda: usnz.force_contributions(war="korean-war"), "conflict="),
        (lambda: usnz.people(title="prime-minister"), "office="),
        (lambda: usnz.people(role="prime-minister"), "office="),
        (lambda: usnz.events(party="USA"), "country="),
        (lambda: usnz.dataset().events(parties="USA"), "country="),
    ],
)
def test_a_natural_synonym_of_a_filter_is_suggested(call: Any, meant: str) -> None:
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        call()
    assert str(caught.value).endswith(f"; did you mean {meant}?")


def test_a_synonym_whose_filter_the_query_lacks_suggests_nothing() -> None:
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        usnz.people(who="john-key")
    assert "did you mean" not in str(caught.value)


def test_a_keyword_given_already_is_not_suggested() -> None:
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        usnz.load(paths="/nowhere", path="/nowhere")
    assert str(caught.value) == "load() takes no argument 'path'; its arguments are paths=, extends="


# -- values of other libraries' types (numpy's) are named with their module --------------------------


def _foreign(name: str, module: str, *, integer: bool) -> object:
    """A value of a class *module*.*name*, as numpy's are (no numpy needed), an integer or not."""
    namespace: dict[str, object] = {"__module__": module, "__repr__": lambda self: f"np.{name}(2008)"}
    if integer:
        namespace["__index__"] = lambda self: 2008
    return type(name, (), namespace)()


def test_a_value_of_another_library_names_its_type_with_its_module() -> None:
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        usnz.force_contributions(combat=_foreign("bool", "numpy", integer=False))
    assert str(caught.value) == "combat= takes True or False; got numpy.bool np.bool(2008)"
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        usnz.events(possibly=_foreign("int64", "numpy", integer=True))
    assert str(caught.value).endswith("got numpy.int64 np.int64(2008)")  # no int(x) hint: it takes a flag


@pytest.mark.parametrize(
    "call",
    [
        lambda year: usnz.events(during=year),
        lambda year: usnz.doubts(paragraph=year),
        lambda year: usnz.citing(source="encyclopedia-nz-us-relations", paragraph=year),
    ],
)
def test_a_numpy_integer_where_an_int_is_taken_is_told_int_x(call: Any) -> None:
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        call(_foreign("int64", "numpy._core", integer=True))
    assert str(caught.value).endswith("got numpy._core.int64 np.int64(2008) (a numpy integer: give int(x))")


def test_real_numpy_values_are_named_so() -> None:
    np = pytest.importorskip("numpy")
    with pytest.raises(usnz.ArgumentTypeError, match=r"got numpy\.bool np\.True_$"):
        usnz.force_contributions(combat=np.True_)
    with pytest.raises(usnz.ArgumentTypeError, match=r"got numpy\.int64 np\.int64\(2008\) \(a numpy integer: give int"):
        usnz.events(during=np.int64(2008))


# -- the public functions outside Dataset check their calls as the queries do (review 6, U3) ------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: usnz.dataset(x=1), "dataset() takes no argument 'x'; it takes no arguments"),
        (
            lambda: usnz.verify(source="texts"),
            "verify() takes no argument 'source'; its arguments are sources=, data=; did you mean sources=?",
        ),
        (
            lambda: usnz.agreements().to_json(indnt=2),
            "to_json() takes no argument 'indnt'; its arguments are indent=; did you mean indent=?",
        ),
        (lambda: usnz.agreements().total(fields="x"), "did you mean field=?"),
        (lambda: usnz.agreements().to_frame(quote=True), "did you mean quotes=?"),
        (lambda: usnz.agreements().to_list(1), "to_list() takes no arguments; got 1 positional argument: (1,)"),
        (
            lambda: usnz.cite(fmt="bibtex"),
            "cite() takes no argument 'fmt'; its arguments are format=, data=; did you mean format=?",
        ),
        (lambda: usnz.export.json_schema(kinds="events"), "did you mean kind=?"),
        (
            lambda: usnz.export.write(fmt="csv"),
            "write() takes no argument 'fmt'; its arguments are out=, format=, data=, force=; did you mean format=?",
        ),
        (lambda: usnz.export.datapackage(formt="csv"), "did you mean format=?"),
        (lambda: usnz.plot.timeline(x=1), "timeline() takes no argument 'x'"),
    ],
)
def test_a_public_function_outside_dataset_refuses_a_call_it_cannot_take(call: Any, message: str) -> None:
    with pytest.raises(usnz.ArgumentTypeError) as caught:
        call()
    assert message in str(caught.value)
    assert isinstance(caught.value, TypeError)


def test_the_checked_functions_keep_their_signatures_and_get_is_left_as_it_is() -> None:
    for function in (
        usnz.dataset,
        usnz.verify,
        usnz.cite,
        usnz.export.write,
        usnz.export.json_schema,
        usnz.export.datapackage,
        usnz.plot.timeline,
        usnz.Records.total,
        usnz.Records.to_json,
        usnz.Records.to_list,
        usnz.Records.to_frame,
        usnz.load,
    ):
        assert hasattr(function, "__wrapped__"), function
        assert inspect.signature(function) == inspect.signature(inspect.unwrap(function))
    assert not hasattr(usnz.get, "__wrapped__")  # its budget is a microsecond
    assert usnz.dataset() is usnz.dataset()
