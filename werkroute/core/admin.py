from werkroute.core.audit import admin as audit_admin  # noqa: F401 -- registers the audit models
