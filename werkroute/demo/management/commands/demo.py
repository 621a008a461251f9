from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import translation

from werkroute.catalogue.constants import OfferingKind
from werkroute.core.search_index import analyze
from werkroute.demo.generator import DemoRefused, DemoReport, generate_demo
from werkroute.demo.models import DemoSize
from werkroute.outreach.constants import MemberStatus

BASE_URL = "http://127.0.0.1:8000"
CASEWORK_LABELS = {
    "conversations": "gesprekken",
    "goals": "doelen",
    "actions": "acties",
    "appointments": "afspraken",
    "route_steps": "stappen in routeplannen",
    "transitions": "statuswijzigingen",
}


class Command(BaseCommand):
    help = (
        "Make (or remake) the synthetic demo region Zuid-Kennemerland en IJmond. The same seed "
        "gives the same data on the same day. Refuses on a database with real data."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--size",
            choices=DemoSize.values,
            default=DemoSize.CITY,
            help="small (fast, for tests), city (default) or large (100,000 offerings)",
        )

    def handle(self, *args: Any, seed: int, size: str, **options: Any) -> None:
        self.stdout.write(f"Demoregio maken: omvang {size}, seed {seed} …")
        try:
            report = generate_demo(seed=seed, size=size, log=self.stdout.write)
        except DemoRefused as exc:
            raise CommandError(str(exc)) from None
        # Fresh planner statistics for the freshly loaded tables: SQLite has none until
        # ANALYZE runs, and the route map's searches need them at this size.
        analyze(connection)
        self._print_counts(report)
        self._print_logins(report)

    def _print_counts(self, report: DemoReport) -> None:
        write = self.stdout.write
        write("")
        write(
            f"Organisaties: {report.partners} partners, {report.employers} werkgevers, "
            f"{report.locations} locaties."
        )
        write("Aanbod per soort:")
        with translation.override("nl"):
            for kind in OfferingKind:
                write(f"  {kind.label:<32} {report.offerings[kind.value]:>7}")
        write(f"  {'totaal':<32} {report.total_offerings:>7}")
        self._print_casework(report)
        write(self.style.SUCCESS(f"Klaar in {report.seconds:.1f} seconden."))

    def _print_casework(self, report: DemoReport) -> None:
        write = self.stdout.write
        write(
            f"Werkzoekenden: {report.job_seekers}, met {report.case_managers} klantmanagers "
            f"in {report.teams} teams."
        )
        write("Begeleiding:")
        for key, label in CASEWORK_LABELS.items():
            write(f"  {label:<32} {report.casework.get(key, 0):>7}")
        campaign = report.campaign
        if campaign is None:
            return
        write(f"Campagne: {campaign.name}")
        write(f"  {'deelnemers':<32} {campaign.members:>7}")
        with translation.override("nl"):
            for status in MemberStatus:
                write(f"  {status.label:<32} {campaign.by_status.get(status.value, 0):>7}")
        write(f"  {'gepauzeerd':<32} {campaign.paused:>7}")

    def _print_logins(self, report: DemoReport) -> None:
        write = self.stdout.write
        write("")
        write("Inloggen:")
        write(f"  {'gebruikersnaam':<19} {'wachtwoord':<16} wat je kunt doen")
        for login in report.logins:
            write(f"  {login.username:<19} {login.password:<16} {login.abilities}")
        write("")
        if settings.WERKROUTE_REQUIRE_STAFF_2FA:
            write(
                "Tweestapsverificatie staat aan: bij de eerste keer inloggen stelt u een app in "
                "(QR-code of sleutel) en bewaart u 10 reservecodes. Telefoon kwijt? "
                "werkroute reset-2fa GEBRUIKER --by beheerder"
            )
        else:
            write(
                "Tweestapsverificatie staat uit voor deze demo (WERKROUTE_REQUIRE_STAFF_2FA=false); "
                "in een echte installatie staat het aan."
            )
        write("")
        write(f"Routekaart:     {BASE_URL}/")
        write(f"Partnerportaal: {BASE_URL}/partner/")
        write(f"Instellingen:   {BASE_URL}/beheer/")
        write(f"Caseload:       {BASE_URL}/werk/")
        write(f"Campagnes:      {BASE_URL}/uitnodigen/")
        write(f"Mijn gegevens:  {BASE_URL}/mijn/")
        write(f"Privacylogboek: {BASE_URL}/privacy/logboek/")
