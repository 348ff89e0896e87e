"""DOCX (Word) resumes: the paragraphs' text, in order, read straight from the package XML.

A .docx is a zip with ``word/document.xml``; paragraphs are ``w:p``, runs of text ``w:t``,
tabs ``w:tab`` and breaks ``w:br``. Table cells are read row by row. List paragraphs (those
with numbering properties) get a "• " marker so that the resume reader sees bullets.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from ...errors import EncryptedDocumentError, ParseError

__all__ = ["docx_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_XML_BYTES = 30 * 1024 * 1024


def docx_text(path: str | Path) -> str:
    from lxml import etree

    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("word/document.xml")
            if info.file_size > MAX_XML_BYTES:
                raise ParseError(f"{name}: the document body is too large", file=name)
            xml = package.read(info)
    except KeyError:
        raise ParseError(f"{name} is not a Word document (no word/document.xml)",
                         file=name) from None
    except zipfile.BadZipFile:
        with open(path, "rb") as fh:
            head = fh.read(8)
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            raise EncryptedDocumentError(
                f"{name} is password-protected or an old .doc file", file=name,
                suggestion="save it as an unprotected .docx or as PDF/text") from None
        raise ParseError(f"{name} is not a valid .docx file", file=name) from None
    except (OSError, RuntimeError, NotImplementedError) as exc:
        raise ParseError(f"{name} could not be read: {exc}", file=name) from None
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.parse(io.BytesIO(xml), parser).getroot()
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"{name}: damaged document XML ({exc})", file=name) from None
    lines: list[str] = []
    for para in root.iter(f"{_W}p"):
        parts: list[str] = []
        for node in para.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
            if node.tag == f"{_W}t":
                parts.append(node.text or "")
            elif node.tag == f"{_W}tab":
                parts.append("\t")
            else:
                parts.append("\n")
        text = "".join(parts).strip()
        if not text:
            continue
        is_list = para.find(f"{_W}pPr/{_W}numPr") is not None
        lines.append(("• " + text) if is_list else text)
    return "\n".join(lines)
