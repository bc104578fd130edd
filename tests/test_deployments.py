"""prefect.yaml's deployments still fit the flow: each entrypoint loads, and its parameters are
what the flow takes (a RunRequest and settings that load_settings accepts)."""

from __future__ import annotations

import pytest
import yaml
from paths import REPO  # tests/paths.py: pytest puts this folder on sys.path
from prefect.flows import load_flow_from_entrypoint

from flows.pipeline import RunRequest
from flows.settings import load_settings

DEPLOYMENTS = yaml.safe_load((REPO / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]


@pytest.mark.parametrize("deployment", DEPLOYMENTS, ids=[d["name"] for d in DEPLOYMENTS])
def test_a_deployment_loads_and_its_parameters_are_the_flows(deployment: dict) -> None:
    path, name = deployment["entrypoint"].split(":")
    flow = load_flow_from_entrypoint(f"{REPO / path}:{name}")
    assert flow.name == "roundtable"
    params = flow.validate_parameters(deployment.get("parameters") or {})
    request = RunRequest.model_validate(params["request"].model_dump())  # the module loaded from its path
    assert request.inputs or request.sources_file
    settings = load_settings(**params["settings"])
    assert str(settings.data_dir) == "data"


def test_a_misspelled_request_field_is_refused() -> None:
    from prefect.exceptions import ParameterTypeError

    flow = load_flow_from_entrypoint(f"{REPO / 'flows/pipeline.py'}:pipeline")
    with pytest.raises(ParameterTypeError):
        flow.validate_parameters({"request": {"input": ["sample_data/articles"]}})
