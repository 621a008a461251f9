from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation

from werkroute.catalogue.constants import OfferingKind
from werkroute.demo.generator import DemoRefused, DemoReport, generate_demo
from werkroute.demo.models import DemoSize

BASE_URL = "http://127.0.0.1:8000"


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
        write(self.style.SUCCESS(f"Klaar in {report.seconds:.1f} seconden."))

    def _print_logins(self, report: DemoReport) -> None:
        write = self.stdout.write
        write("")
        write("Inloggen:")
        write(f"  {'gebruikersnaam':<18} {'wachtwoord':<16} wat je kunt doen")
        for login in report.logins:
            write(f"  {login.username:<18} {login.password:<16} {login.abilities}")
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
