import pytest

from tests.factories import make_union

pytest_plugins = ["tests.browser"]


@pytest.fixture
def province(db):
    return make_union("安徽省总工会", kind="province", short_name="安徽")


@pytest.fixture
def city(province):
    return make_union("宿州市总工会", parent=province, kind="city", short_name="宿州")
