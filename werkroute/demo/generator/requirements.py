"""Job conditions that fit the occupation: licences, certificates, levels, hours and pay.

The ISCO-08 major group (first digit) stands in for how much schooling a job asks: 9 is
elementary work, 2 professional work. Requirements follow from the occupation, so a forklift
driver needs a forklift certificate and a bus driver licence D.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from werkroute.catalogue.constants import ContractType, SalaryPeriod
from werkroute.demo.generator.context import Context
from werkroute.demo.generator.occupations import major_group
from werkroute.taxonomy.constants import Certificate, DrivingLicence, EducationLevel
from werkroute.taxonomy.models import Occupation

KITCHEN = frozenset(
    {
        "cook",
        "head_chef",
        "kitchen_assistant",
        "dishwasher",
        "pizza_maker",
        "catering_assistant",
        "fast_food_worker",
        "banqueting_worker",
        "baker",
        "butcher",
        "food_production_worker",
        "meat_processing_worker",
    }
)
SECURITY_GUARDS = frozenset(
    {
        "security_guard",
        "store_detective",
        "door_supervisor",
        "event_security_officer",
        "mobile_patrol_officer",
        "cash_transport_guard",
        "airport_security_officer",
    }
)
CAR_DRIVERS = frozenset(
    {
        "taxi_driver",
        "parcel_delivery_driver",
        "passenger_transport_driver",
        "ambulance_driver",
        "driving_instructor",
        "mobile_patrol_officer",
        "sales_representative",
    }
)
WORKS_WITH_VULNERABLE_PEOPLE = frozenset({"care_welfare", "education_support"})

# Per ISCO major group: Dutch level and education a job asks ("" = none asked).
LANGUAGE_LEVELS = {
    "9": ("", "", "A2"),
    "8": ("", "A2", "B1"),
    "7": ("", "A2", "B1"),
    "5": ("A2", "B1", "B1"),
    "4": ("B1", "B2"),
    "3": ("B1", "B2"),
    "2": ("B2", "C1"),
    "1": ("B2", "C1"),
    "0": ("B1",),
}
EDUCATION_LEVELS = {
    "9": ("", "", EducationLevel.VMBO),
    "8": ("", EducationLevel.VMBO, EducationLevel.MBO2),
    "7": ("", EducationLevel.MBO2, EducationLevel.HAVO_MBO3),
    "5": ("", EducationLevel.VMBO, EducationLevel.MBO2),
    "4": (EducationLevel.MBO2, EducationLevel.HAVO_MBO3),
    "3": (EducationLevel.HAVO_MBO3, EducationLevel.MBO4_VWO),
    "2": (EducationLevel.HBO, EducationLevel.WO),
    "1": (EducationLevel.MBO4_VWO, EducationLevel.HBO),
    "0": (EducationLevel.MBO2,),
}
NO_EXPERIENCE_SHARE = {"9": 0.8, "8": 0.45, "5": 0.5, "7": 0.3, "4": 0.3}
HOURLY_GROUPS = frozenset({"9", "8", "7", "5"})
HOURLY_FROM = {"9": 14.40, "8": 15.0, "7": 16.0, "5": 14.40}  # euro; around the minimum wage
MONTHLY_FROM = {"4": 2300, "3": 2800, "2": 3600, "1": 3800, "0": 2500}
HOURS = ((32, 40), (36, 40), (24, 32), (16, 24), (20, 32), (12, 20), (8, 16), (36, 36), (40, 40))
HOURS_WEIGHTS = (20, 15, 15, 12, 12, 8, 6, 6, 6)
CONTRACTS = (
    ContractType.TEMPORARY,
    ContractType.PERMANENT,
    ContractType.TEMP_AGENCY,
    ContractType.ON_CALL,
    ContractType.LEARNING_WORKING,
)
CONTRACT_WEIGHTS = (35, 22, 20, 13, 10)


@dataclass
class Requirements:
    driving_licences: list[str] = field(default_factory=list)
    certificates: list[str] = field(default_factory=list)
    language_level: str = ""
    education_level: str = ""
    no_experience: bool = False


@dataclass
class Conditions:
    hours_min: int
    hours_max: int
    contract_type: str
    salary_min: Decimal | None
    salary_max: Decimal | None
    salary_period: str
    positions: int


def _licences(ctx: Context, occupation: Occupation) -> list[str]:
    code = occupation.code
    if code == "truck_driver":
        return [DrivingLicence.CE if ctx.chance(0.4) else DrivingLicence.C]
    if code == "bus_driver":
        return [DrivingLicence.D]
    if code in CAR_DRIVERS or (code == "home_care_worker" and ctx.chance(0.3)):
        return [DrivingLicence.B]
    return []


def _certificates(ctx: Context, occupation: Occupation) -> list[str]:
    code, field_code = occupation.code, occupation.field.code
    certificates = []
    if code == "forklift_driver" or (code == "warehouse_worker" and ctx.chance(0.25)):
        certificates.append(Certificate.FORKLIFT)
    if code == "forklift_driver" and ctx.chance(0.3):
        certificates.append(Certificate.REACH_TRUCK)
    if code in ("truck_driver", "bus_driver"):
        certificates.append(Certificate.CODE95)
    if code in SECURITY_GUARDS:
        certificates.append(Certificate.SECURITY_GUARD)
    if field_code == "construction_installation":
        certificates.append(
            Certificate.VCA_FULL if code == "site_supervisor" else Certificate.VCA_BASIC
        )
    if code in KITCHEN:
        certificates.append(Certificate.FOOD_HYGIENE)
    if code in ("bartender", "restaurant_manager") and ctx.chance(0.5):
        certificates.append(Certificate.SOCIAL_HYGIENE)
    if code == "lifeguard":
        certificates.append(Certificate.FIRST_AID)
    if field_code in WORKS_WITH_VULNERABLE_PEOPLE and ctx.chance(0.6):
        certificates.append(Certificate.VOG)
    return certificates


def requirements_for(ctx: Context, occupation: Occupation) -> Requirements:
    group = major_group(occupation)
    return Requirements(
        driving_licences=_licences(ctx, occupation),
        certificates=_certificates(ctx, occupation),
        language_level=ctx.pick(LANGUAGE_LEVELS.get(group, ("",))),
        education_level=ctx.pick(EDUCATION_LEVELS.get(group, ("",))),
        no_experience=ctx.chance(NO_EXPERIENCE_SHARE.get(group, 0.05)),
    )


def _money(value: float, step: float) -> Decimal:
    return Decimal(str(round(round(value / step) * step, 2))).quantize(Decimal("0.01"))


def conditions_for(ctx: Context, occupation: Occupation) -> Conditions:
    group = major_group(occupation)
    hours_min, hours_max = ctx.pick_weighted(HOURS, HOURS_WEIGHTS)
    salary_min = salary_max = None
    period = ""
    if ctx.chance(0.9):  # some employers do not say
        if group in HOURLY_GROUPS:
            low = HOURLY_FROM[group] + ctx.rng.uniform(0, 3)
            salary_min, salary_max = _money(low, 0.05), _money(low + ctx.rng.uniform(1, 4), 0.05)
            period = SalaryPeriod.HOUR
        else:
            low = MONTHLY_FROM.get(group, 2600) + ctx.rng.uniform(0, 600)
            salary_min, salary_max = _money(low, 50), _money(low + ctx.rng.uniform(300, 1200), 50)
            period = SalaryPeriod.MONTH
    positions = 1
    if group in ("9", "8") and ctx.chance(0.3):
        positions = ctx.rng.randint(2, 10)
    elif ctx.chance(0.15):
        positions = ctx.rng.randint(2, 3)
    return Conditions(
        hours_min=hours_min,
        hours_max=hours_max,
        contract_type=ctx.pick_weighted(CONTRACTS, CONTRACT_WEIGHTS),
        salary_min=salary_min,
        salary_max=salary_max,
        salary_period=period,
        positions=positions,
    )


def euro(amount: Decimal) -> str:
    """Dutch money notation: 14.4 -> '14,40', 2850 -> '2.850'."""
    if amount == amount.to_integral_value():
        return f"{int(amount):,}".replace(",", ".")
    return f"{amount:.2f}".replace(".", ",")
