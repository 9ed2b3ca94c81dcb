"""Compiled templates and render results cross process boundaries (multiprocessing,
pytest-xdist workers, emulators that fork): they pickle, and unpickling compiles again."""

from __future__ import annotations

import pickle

import vtl

SOURCE = '#set($b = $input.path(\'$\'))#foreach($i in [1..$b.n])$i#end|$context.stage#set($context.responseOverride.status = 201)'


def test_unpickled_template_renders_the_same() -> None:
    template = vtl.compile(SOURCE, name="orders.vm", limits=vtl.Limits(foreach_max_loops=2))
    copy = pickle.loads(pickle.dumps(template))
    event = vtl.event(body='{"n": 5}', stage="prod")
    assert copy is not template
    assert (copy.name, copy.profile, copy.limits) == ("orders.vm", "apigateway", template.limits)
    assert copy.render_request(event).body == template.render_request(event).body == "12|prod"


def test_unpickled_velocity_template_keeps_its_profile() -> None:
    template = vtl.compile("#set($n = 7 / 2)$n#macro(m)M#end#m()", profile="velocity")
    assert pickle.loads(pickle.dumps(template)).render() == "3M"


def test_unpickled_result_chains_into_a_response_template() -> None:
    event = vtl.event(body="{}", path_params={"id": "7"})
    request = vtl.render("#set($context.requestOverride.header.X = 'y')ok", event)
    previous = pickle.loads(pickle.dumps(request))
    assert previous == request
    response = vtl.render("$input.params('id') $context.requestOverride.header.X $input.path('$.r')",
                          event, response_body='{"r": 1}', previous=previous)
    assert response.body == "7 y 1"
