from pathlib import Path

from index.settings import Settings, documented_settings

ROOT = Path(__file__).parents[2]


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in documented_settings() if f"`{name}`" not in readme]
    assert missing == []


def test_settings_from_environment_and_overrides(tmp_path):
    env = {"REPORTQA_DATA_DIR": str(tmp_path), "REPORTQA_MAX_UPLOAD_MB": "7", "REPORTQA_EMBEDDER": "st:/m"}
    s = Settings.from_env(env)
    assert (s.data_dir, s.max_upload_mb, s.embedder) == (tmp_path, 7, "st:/m")
    assert Settings.from_env(env, data_dir=tmp_path / "x").data_dir == tmp_path / "x"
    assert Settings.from_env({}).data_dir == Path("data")
