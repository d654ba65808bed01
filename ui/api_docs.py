"""/docs: the OpenAPI description rendered as one plain HTML page, with no script and no CDN.

FastAPI's Swagger UI loads its JavaScript and CSS from a CDN, and no installed package ships those
assets; the machines this runs on have no internet. So /openapi.json stays the machine-readable
contract and this page is its human-readable reading, built on the server from the same schema.
"""

from __future__ import annotations

import json

from ui.render import h

_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#222}
h2{border-bottom:1px solid #ddd;padding-bottom:.3rem;margin-top:2rem}
.op{border:1px solid #ddd;border-radius:6px;margin:1rem 0;padding:.6rem 1rem}
.m{display:inline-block;min-width:4.2em;font-weight:bold;color:#fff;border-radius:4px;padding:0 .4em;margin-right:.5em}
.get{background:#2563eb}.post{background:#16a34a}.put,.patch{background:#ca8a04}.delete{background:#dc2626}
code,pre{background:#f5f5f5;border-radius:4px}pre{padding:.5rem;overflow:auto;font-size:.85em}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2rem .5rem;text-align:left}
"""


def docs_page(spec: dict) -> str:
    """Every path and method of the spec, with parameters, body, responses and the schemas they name."""
    info = spec.get("info", {})
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            ops.append(_operation(path, method, op))
    schemas = spec.get("components", {}).get("schemas", {})
    schema_html = "".join(
        f'<h3 id="schema-{h(name)}">{h(name)}</h3><pre>{h(json.dumps(s, ensure_ascii=False, indent=2))}</pre>'
        for name, s in schemas.items()
    )
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{h(info.get("title", "API"))}</title>'
        f"<style>{_CSS}</style></head><body><h1>{h(info.get('title', 'API'))} "
        f"<small>{h(info.get('version', ''))}</small></h1><p>{h(info.get('description', ''))}</p>"
        '<p>Machine-readable: <a href="openapi.json">openapi.json</a></p>'
        f'<h2>Endpoints</h2>{"".join(ops)}<h2>Schemas</h2>{schema_html}</body></html>'
    )


def _operation(path: str, method: str, op: dict) -> str:
    params = op.get("parameters", [])
    rows = "".join(
        f"<tr><td><code>{h(p.get('name'))}</code></td><td>{h(p.get('in'))}</td>"
        f"<td>{'required' if p.get('required') else ''}</td><td>{h(p.get('description', ''))}</td></tr>"
        for p in params
    )
    body = op.get("requestBody", {}).get("content", {})
    body_html = "".join(f"<p>Body <code>{h(ct)}</code>: {_schema_ref(c.get('schema', {}))}</p>"
                        for ct, c in body.items())
    responses = "".join(f"<li><b>{h(code)}</b> {h(r.get('description', ''))}</li>"
                        for code, r in op.get("responses", {}).items())
    return (
        f'<div class="op"><div><span class="m {h(method)}">{h(method.upper())}</span><code>{h(path)}</code> '
        f"{h(op.get('summary', ''))}</div><p>{h(op.get('description', ''))}</p>"
        + (f"<table><tr><th>parameter</th><th>in</th><th></th><th></th></tr>{rows}</table>" if rows else "")
        + body_html + f"<ul>{responses}</ul></div>"
    )


def _schema_ref(schema: dict) -> str:
    ref = schema.get("$ref", "")
    if ref:
        name = ref.rsplit("/", 1)[-1]
        return f'<a href="#schema-{h(name)}">{h(name)}</a>'
    return f"<code>{h(json.dumps(schema, ensure_ascii=False))}</code>"
