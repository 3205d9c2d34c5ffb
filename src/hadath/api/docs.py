"""`/docs`: Swagger UI over `/openapi.json`, served from this server alone (no CDN), so that
it works offline. Its files come from the `swagger-ui-bundle-v2` package (Swagger UI 5,
Apache-2.0; its licence is served at `/docs/LICENSE`).

    /docs            the page (no inline script: the page's policy allows only this server)
    /docs/init.js    starts Swagger UI on the document named by the page
    /docs/assets/…   swagger-ui-bundle.js, swagger-ui.css, favicons
"""
from __future__ import annotations

import html
from importlib import metadata
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{root}/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="{root}/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui" data-openapi="{root}{openapi}"></div>
<script src="{root}/docs/assets/swagger-ui-bundle.js"></script>
<script src="{root}/docs/init.js"></script>
</body>
</html>
"""

_INIT = """window.addEventListener("load", function () {
  var holder = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: holder.dataset.openapi,
    domNode: holder,
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis],
    layout: "BaseLayout"
  });
});
"""


def _licence() -> str:
    files = metadata.files("swagger-ui-bundle-v2") or []
    for file in files:
        if Path(str(file)).name.upper().startswith("LICENSE"):
            return Path(str(file.locate())).read_text(encoding="utf-8")
    return "Swagger UI is licensed under the Apache License, Version 2.0.\n"


def add_docs(app: FastAPI) -> None:
    """Serve Swagger UI at /docs from local files."""
    app.mount("/docs/assets", StaticFiles(directory=str(swagger_ui_path)), name="docs-assets")
    openapi = app.openapi_url or "/openapi.json"

    @app.get("/docs", include_in_schema=False)
    def docs_page(request: Request) -> HTMLResponse:
        root = html.escape(request.scope.get("root_path", "").rstrip("/"), quote=True)
        return HTMLResponse(_PAGE.format(title=html.escape(app.title), root=root,
                                         openapi=html.escape(openapi, quote=True)))

    @app.get("/docs/init.js", include_in_schema=False)
    def docs_script() -> Response:
        return Response(_INIT, media_type="text/javascript")

    @app.get("/docs/LICENSE", include_in_schema=False)
    def docs_licence() -> PlainTextResponse:
        return PlainTextResponse(_licence())
