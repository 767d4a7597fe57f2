"""The OpenAPI description of the JSON API (served at ``/openapi.json``, shown at ``/docs``).

Written by hand: the API is one endpoint, and a hand-written description needs no schema
framework. ``tests/web/test_api.py`` keeps it in step with the answers."""

from __future__ import annotations

from formkit import __version__

_FINDING = {
    "type": "object",
    "required": ["code", "severity", "field", "location", "message"],
    "properties": {
        "code": {"type": "string", "description": "稳定的问题代码，见 docs/codes.md"},
        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
        "field": {"type": ["string", "null"], "description": "涉及的栏目（表中的标签）"},
        "location": {"type": ["string", "null"], "description": "文件中的位置，如 表1 第3行第2列"},
        "message": {"type": "string", "description": "中文说明"},
    },
}

_RESULT = {
    "type": "object",
    "description": "与 `formkit check --json` 输出的每个对象完全相同。",
    "required": [
        "file",
        "form",
        "layout",
        "fields",
        "indicators",
        "sections",
        "sources",
        "findings",
    ],
    "properties": {
        "file": {"type": "string", "description": "上传时的文件名（压缩包内为成员路径）"},
        "form": {
            "type": ["string", "null"],
            "enum": ["application", "targets", "plan", "progress", None],
        },
        "layout": {"type": ["string", "null"], "description": "识别出的版式，如 `table-2col`"},
        "fields": {"type": "object", "description": "读出的各栏目：键为字段名，值为所填内容"},
        "indicators": {
            "type": "array",
            "items": {"type": "object"},
            "description": "绩效指标表的各项指标",
        },
        "sections": {"type": "object", "description": "实施方案各节的文字"},
        "sources": {"type": "object", "description": "每个字段值在文件中的位置"},
        "findings": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/Finding"},
            "description": "发现的问题，见下表",
        },
    },
}

_REFUSAL = {
    "type": "object",
    "required": ["error", "message"],
    "properties": {
        "error": {"type": "string", "description": "代码，如 `upload-too-many-files`"},
        "message": {"type": "string", "description": "中文说明"},
    },
}


def _refusal(text: str) -> dict[str, object]:
    schema = {"$ref": "#/components/schemas/Refusal"}
    return {"description": text, "content": {"application/json": {"schema": schema}}}


def openapi(max_file_mb: float, max_request_mb: float, max_files: int) -> dict[str, object]:
    limits = (
        f"每个文件不超过 {max_file_mb:g} MB，每次最多 {max_files} 个文件、"
        f"共 {max_request_mb:g} MB。"
    )
    check = {
        "summary": "检查表单文件",
        "description": (
            "上传一个或多个表单文件（.docx、.xlsx、.pdf、旧版 .doc/.xls，或 .zip 压缩包），"
            "返回与 `formkit check --json` 相同的结果：每个表单文件一个对象。"
            + limits
            + "无法读取的文件（加密、损坏、压缩炸弹等）在结果中以 `file-*` / `archive-*` 代码说明，"
            "不影响其他文件。响应头 `X-Formkit-Exit` 给出 `formkit check` 的退出码（0/1/2）。"
        ),
        "operationId": "check",
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": ["files"],
                        "properties": {
                            "files": {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                            }
                        },
                    }
                }
            },
        },
        "responses": {
            "200": {
                "description": "每个表单文件的识别结果与问题",
                "content": {
                    "application/json": {
                        "schema": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/FileResult"},
                        }
                    }
                },
            },
            "400": _refusal("没有文件、文件过多或请求格式有误"),
            "401": _refusal("需要访问口令"),
            "403": _refusal("访问口令不正确"),
            "413": _refusal("文件或本次上传超过大小上限"),
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "formkit 表单自查接口",
            "version": __version__,
            "description": (
                "设置了访问口令时，请加请求头 `Authorization: Bearer <口令>`"
                "（或 `X-Formkit-Token: <口令>`）。"
            ),
        },
        "paths": {"/api/check": {"post": check}},
        "components": {
            "schemas": {"FileResult": _RESULT, "Finding": _FINDING, "Refusal": _REFUSAL},
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
        "security": [{}, {"token": []}],
    }
