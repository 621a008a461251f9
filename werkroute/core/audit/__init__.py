"""The processing log and the access audit (Logboek dataverwerkingen), with their register.

Other apps use `werkroute.core.audit.services`: processing(), record_access(), DataSubject.
"""
