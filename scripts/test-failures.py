#!/usr/bin/env python3
"""Prints each failed test of the .trx files under a folder, with its message and the first lines of its stack.

scripts/test.sh runs it after the suite so that a red run says why, not only which test, even at quiet verbosity.
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(folder: str) -> int:
    failed = 0
    for trx in sorted(pathlib.Path(folder).glob("**/*.trx")):
        for result in ET.parse(trx).getroot().iterfind(".//t:UnitTestResult", NS):
            if result.get("outcome") != "Failed":
                continue
            failed += 1
            message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=NS).strip()
            stack = result.findtext("t:Output/t:ErrorInfo/t:StackTrace", default="", namespaces=NS).strip()
            print(f"FAILED {result.get('testName')} ({result.get('duration')})")
            for line in message.splitlines()[:60]:
                print("  " + line)
            for line in stack.splitlines()[:8]:
                print("  " + line)
    return failed


if __name__ == "__main__":
    sys.exit(1 if main(sys.argv[1]) else 0)
