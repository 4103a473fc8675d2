"""Runs openxml-audit (the pure-Python port of the Open XML SDK validator) on
Office files and prints every finding as JSON, with the fields the CLI's own
JSON leaves out (the finding's source class: SDK rule or app-compat heuristic).

Usage: python ooxml_audit.py FORMAT FILE...   (FORMAT: office2016, microsoft365, ...)
Prints: [{"file", "format", "findings": [{"type", "source", "severity", "part", "path", "description"}]}]
"""

import json
import sys

from openxml_audit import FileFormat, OpenXmlValidator


def main() -> None:
    file_format = FileFormat(sys.argv[1])
    validator = OpenXmlValidator(file_format=file_format, max_errors=0)
    report = []
    for path in sys.argv[2:]:
        result = validator.validate(path)
        findings = [
            {
                "type": e.error_type.value,
                "source": e.source_class.value,
                "severity": e.severity.value,
                "part": e.part_uri,
                "path": e.path,
                "description": e.description,
            }
            for e in result.errors
        ]
        report.append({"file": path, "format": file_format.value, "findings": findings})
    json.dump(report, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
