"""The `werkroute` command: Django's management commands under the names an operator types.

`werkroute import-postcodes FILE` runs the management command `import_postcodes`; every other
Django command (migrate, createsuperuser, ...) passes through unchanged.
"""

import os
import sys


def to_command_name(argument: str) -> str:
    return argument.replace("-", "_")


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkroute.conf.dev")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = to_command_name(args[1])
    execute_from_command_line(args)


if __name__ == "__main__":
    main()
