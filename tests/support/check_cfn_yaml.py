#!/usr/bin/env python3
# SPDX-FileCopyrightText: IAM Role Designer authors
# SPDX-License-Identifier: MIT
"""Checks that each CloudFormation YAML template reads (PyYAML, YAML 1.1 as CloudFormation does, with `!Ref`) to
exactly its JSON twin: `check_cfn_yaml.py A.yaml A.template.json [B.yaml B.template.json ...]`."""
import json
import sys

import yaml


class Loader(yaml.SafeLoader):
    pass


Loader.add_constructor("!Ref", lambda loader, node: {"Ref": loader.construct_scalar(node)})

failed = False
args = sys.argv[1:]
for yaml_path, json_path in zip(args[::2], args[1::2]):
    with open(yaml_path, encoding="utf-8") as f:
        from_yaml = yaml.load(f, Loader=Loader)
    with open(json_path, encoding="utf-8") as f:
        from_json = json.load(f)
    if from_yaml != from_json:
        print(f"{yaml_path} does not read as {json_path}")
        failed = True
sys.exit(1 if failed else 0)
