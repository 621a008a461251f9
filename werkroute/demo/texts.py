"""Dutch text for the demo region: names, titles and descriptions in plain language (B1).

Templates are `str.format` strings. The fields they may use:
{organisation} the organisation's name, {place} the town of the location, {municipality} its
municipality, {area} Zuid-Kennemerland or IJmond, {neighbourhood} the district (wijk),
{label} an occupation name in lower case, {sector} a sector name for a title, {sector_phrase} the
sector after "werkgevers uit", {where} a municipality or area.

Order matters: the generator picks from these tuples with a seeded random, so editing an entry
changes the demo for every seed. Everything here is invented; no text describes a real person.
"""

from dataclasses import dataclass

from werkroute.catalogue.constants import (
    ActivityLanguage,
    JoinMethod,
    OrganisationKind,
    TargetGroup,
    Theme,
)


@dataclass(frozen=True)
class ActivityText:
    """One kind of activity the demo can offer, with the defaults that make it coherent."""

    title: str
    description: str
    themes: tuple[str, ...]
    target_groups: tuple[str, ...] = ()  # empty: the generator chooses
    languages: tuple[str, ...] = (ActivityLanguage.DUTCH,)
    join_methods: tuple[str, ...] = (JoinMethod.SIGN_UP,)
    occupation: str = ""  # occupation code, for work-like offerings
    schedule: str = ""  # "days:N", "weekly:N" (weeks), "monthly:N" (months) or "" (any time)
    paid_share: float = 0.0  # chance that it costs money
    opening_hours: str = ""
    driving_licences: tuple[str, ...] = ()
    providers: tuple[str, ...] = ()  # parts of organisation names that offer it; () = any


# ---------------------------------------------------------------------------
# Region and organisations
# ---------------------------------------------------------------------------

REGION_NAME = "Zuid-Kennemerland en IJmond"
REGION_ADDRESS = "Postbus 2500, 2002 RA Haarlem"

ORGANISATION_DESCRIPTIONS: dict[str, str] = {
    OrganisationKind.MUNICIPAL_DEPARTMENT: (
        "Wij helpen inwoners van {municipality} die een uitkering hebben of werk zoeken. "
        "Samen met jou kijken we wat je kunt en wat je nodig hebt om aan het werk te gaan."
    ),
    OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE: (
        "Het UWV helpt mensen aan werk en betaalt uitkeringen zoals de WW en de WIA. "
        "Op ons kantoor in {place} kun je terecht voor workshops en advies over werk."
    ),
    OrganisationKind.SCHOOL: (
        "Wij geven cursussen en opleidingen voor volwassenen. Je leert een vak, haalt een "
        "certificaat of verbetert je Nederlands. Veel cursussen zijn gratis met een verwijzing."
    ),
    OrganisationKind.UNION: (
        "Wij zijn een vakbond. Wij helpen werkenden en werkzoekenden met vragen over hun "
        "contract, loon en rechten. Ook als je geen lid bent, kun je bij ons spreekuur komen."
    ),
    OrganisationKind.JOB_COACH: (
        "Wij begeleiden mensen op weg naar werk. Een vaste coach kijkt samen met jou wat je "
        "wilt en kunt, en blijft je helpen als je aan het werk bent."
    ),
    OrganisationKind.WELFARE: (
        "Wij zijn er voor iedereen in {municipality} die hulp kan gebruiken: bij geldzorgen, "
        "eenzaamheid, opvoeding of het vinden van vrijwilligerswerk."
    ),
    OrganisationKind.NEIGHBOURHOOD_TEAM: (
        "Het sociaal wijkteam helpt bewoners van {neighbourhood} met vragen over zorg, geld, "
        "werk en wonen. Loop gerust binnen of bel ons."
    ),
    OrganisationKind.OTHER_PARTNER: (
        "Wij werken samen met de gemeente en het UWV om mensen in {area} verder te helpen."
    ),
    OrganisationKind.EMPLOYER: (
        "Wij zijn een bedrijf uit {place} met een fijn team. Nieuwe collega's leren het werk "
        "bij ons op de werkvloer."
    ),
}

# Non-municipal partners, most important first: small demos take the head of this list.
# (name, kinds, home municipality, occupations it hires for when it is also an employer)
PARTNER_TEMPLATES: tuple[tuple[str, tuple[str, ...], str, tuple[str, ...]], ...] = (
    (
        "UWV WERKbedrijf Haarlem",
        (OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE,),
        "Haarlem",
        (),
    ),
    (
        "ROC Kennemerland Volwassenenonderwijs",
        (OrganisationKind.SCHOOL, OrganisationKind.EMPLOYER),
        "Haarlem",
        (
            "vocational_teacher",
            "dutch_second_language_teacher",
            "teaching_assistant",
            "school_administrator",
            "school_caretaker",
        ),
    ),
    ("Sociaal wijkteam Schalkwijk", (OrganisationKind.NEIGHBOURHOOD_TEAM,), "Haarlem", ()),
    (
        "Welzijn Haarlem",
        (OrganisationKind.WELFARE, OrganisationKind.EMPLOYER),
        "Haarlem",
        ("welfare_worker", "social_worker", "youth_worker", "activity_supervisor"),
    ),
    ("Taalschool Kennemerland", (OrganisationKind.SCHOOL,), "Haarlem", ()),
    ("Re-integratiebureau Stap Verder", (OrganisationKind.JOB_COACH,), "Beverwijk", ()),
    ("Vakbondsspreekuur Kennemerland", (OrganisationKind.UNION,), "Haarlem", ()),
    ("Ondernemershuis Kennemerland", (OrganisationKind.OTHER_PARTNER,), "Haarlem", ()),
    ("UWV WERKbedrijf IJmond", (OrganisationKind.PUBLIC_EMPLOYMENT_SERVICE,), "Beverwijk", ()),
    (
        "Leerwerkbedrijf Kennemerland",
        (OrganisationKind.EMPLOYER, OrganisationKind.JOB_COACH),
        "Velsen",
        ("production_worker", "packer", "assembler", "green_maintenance_worker", "job_coach"),
    ),
    (
        "Kringloop IJmond",
        (OrganisationKind.WELFARE, OrganisationKind.EMPLOYER),
        "Velsen",
        ("thrift_store_worker", "furniture_mover", "warehouse_worker"),
    ),
    ("Sociaal wijkteam IJmuiden", (OrganisationKind.NEIGHBOURHOOD_TEAM,), "Velsen", ()),
    ("Welzijn Velsen", (OrganisationKind.WELFARE,), "Velsen", ()),
    ("Welzijn Beverwijk", (OrganisationKind.WELFARE,), "Beverwijk", ()),
    ("Welzijn Heemskerk", (OrganisationKind.WELFARE,), "Heemskerk", ()),
    ("Welzijn Heemstede", (OrganisationKind.WELFARE,), "Heemstede", ()),
    ("Welzijn Bloemendaal", (OrganisationKind.WELFARE,), "Bloemendaal", ()),
    ("Welzijn Zandvoort", (OrganisationKind.WELFARE,), "Zandvoort", ()),
    ("Opleidingscentrum Techniek IJmond", (OrganisationKind.SCHOOL,), "Velsen", ()),
    (
        "Zorgacademie Kennemerland",
        (OrganisationKind.SCHOOL, OrganisationKind.EMPLOYER),
        "Haarlem",
        ("vocational_teacher", "care_assistant_ig", "nurse_vocational"),
    ),
    ("Logistiek Opleidingscentrum IJmond", (OrganisationKind.SCHOOL,), "Beverwijk", ()),
    ("Vakbondshuis IJmond", (OrganisationKind.UNION,), "Velsen", ()),
    ("Jobcoach Kennemerland", (OrganisationKind.JOB_COACH,), "Haarlem", ()),
    ("Werkfit IJmond", (OrganisationKind.JOB_COACH,), "Heemskerk", ()),
    ("Schuldhulpmaatjes Kennemerland", (OrganisationKind.WELFARE,), "Haarlem", ()),
    ("Vrijwilligerscentrale Zuid-Kennemerland", (OrganisationKind.OTHER_PARTNER,), "Haarlem", ()),
    ("Vrijwilligerscentrale IJmond", (OrganisationKind.OTHER_PARTNER,), "Beverwijk", ()),
    ("Taalhuis Haarlem", (OrganisationKind.SCHOOL, OrganisationKind.OTHER_PARTNER), "Haarlem", ()),
    ("Taalhuis Velsen", (OrganisationKind.SCHOOL, OrganisationKind.OTHER_PARTNER), "Velsen", ()),
    (
        "Taalhuis Beverwijk",
        (OrganisationKind.SCHOOL, OrganisationKind.OTHER_PARTNER),
        "Beverwijk",
        (),
    ),
    (
        "Taalhuis Heemskerk",
        (OrganisationKind.SCHOOL, OrganisationKind.OTHER_PARTNER),
        "Heemskerk",
        (),
    ),
    ("Starterscafé IJmond", (OrganisationKind.OTHER_PARTNER,), "Velsen", ()),
    ("Rijschool Werk in Zicht", (OrganisationKind.SCHOOL,), "Haarlem", ()),
    ("Beveiligingsopleidingen Kennemerland", (OrganisationKind.SCHOOL,), "Beverwijk", ()),
    ("Digitaal Vaardig Kennemerland", (OrganisationKind.SCHOOL,), "Heemstede", ()),
    (
        "Voedselbank Zuid-Kennemerland",
        (OrganisationKind.WELFARE, OrganisationKind.EMPLOYER),
        "Haarlem",
        ("warehouse_worker", "parcel_delivery_driver", "admin_assistant"),
    ),
    (
        "Kringloop Haarlem",
        (OrganisationKind.WELFARE, OrganisationKind.EMPLOYER),
        "Haarlem",
        ("thrift_store_worker", "furniture_mover", "bicycle_mechanic"),
    ),
    ("Gezinshulp Kennemerland", (OrganisationKind.WELFARE,), "Heemstede", ()),
)
# Extra partners after the fixed list: one neighbourhood team per district, then named bureaus.
NEIGHBOURHOOD_TEAM_NAME = "Sociaal wijkteam {neighbourhood}"
EXTRA_PARTNER_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Re-integratiebureau {name}", (OrganisationKind.JOB_COACH,)),
    ("Opleidingsinstituut {name}", (OrganisationKind.SCHOOL,)),
    ("Loopbaanhuis {name}", (OrganisationKind.JOB_COACH,)),
    ("Taalschool {name}", (OrganisationKind.SCHOOL,)),
    ("Stichting Buurtkracht {name}", (OrganisationKind.WELFARE,)),
)

# Kinds of employer per occupational field: the word before a surname in the company name, and
# the occupations (taxonomy codes) such a company hires. Employers named "<surname> B.V." hire
# from all occupations of their field's types.
EMPLOYER_TYPES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "hospitality_tourism": (
        ("Restaurant", ("cook", "head_chef", "kitchen_assistant", "dishwasher", "waiter", "host")),
        ("Hotel", ("hotel_receptionist", "housekeeping_attendant", "waiter", "banqueting_worker")),
        ("Brasserie", ("cook", "kitchen_assistant", "waiter", "bartender", "hospitality_worker")),
        (
            "Grand Café",
            ("waiter", "bartender", "barista", "hospitality_worker", "restaurant_manager"),
        ),
        ("Strandpaviljoen", ("hospitality_worker", "waiter", "bartender", "dishwasher", "cook")),
        ("Lunchroom", ("barista", "hospitality_worker", "kitchen_assistant")),
        ("Catering", ("catering_assistant", "banqueting_worker", "cook", "dishwasher")),
        ("Pizzeria", ("pizza_maker", "fast_food_worker", "bicycle_courier")),
        ("Recreatiepark", ("recreation_worker", "housekeeping_attendant", "host")),
        ("Reisbureau", ("travel_agent", "tour_guide")),
    ),
    "construction_installation": (
        (
            "Bouwbedrijf",
            ("construction_worker", "construction_labourer", "bricklayer", "carpenter"),
        ),
        ("Aannemersbedrijf", ("groundworker", "paver", "earthmoving_operator", "crane_operator")),
        ("Installatiebedrijf", ("plumber", "heating_installer", "hvac_mechanic", "electrician")),
        ("Schildersbedrijf", ("painter", "plasterer", "glazier")),
        ("Dakdekkersbedrijf", ("roofer", "insulation_worker", "solar_installer")),
        ("Elektrotechniek", ("electrician", "fibre_installer", "solar_installer")),
        ("Afbouwbedrijf", ("tiler", "floor_layer", "plasterer", "carpenter")),
        ("Betonbouw", ("concrete_worker", "scaffolder", "demolition_worker", "site_supervisor")),
    ),
    "care_welfare": (
        (
            "Zorggroep",
            (
                "care_assistant_ig",
                "care_helper",
                "care_worker",
                "nurse_vocational",
                "nurse_bachelor",
            ),
        ),
        ("Thuiszorg", ("home_care_worker", "home_help", "care_assistant_ig", "care_helper")),
        ("Woonzorgcentrum", ("care_worker", "residential_care_host", "activity_supervisor")),
        ("Zorgboerderij", ("activity_supervisor", "residential_support_worker")),
        ("Kraamzorg", ("maternity_care_assistant",)),
        ("Huisartsenpraktijk", ("medical_assistant",)),
        ("Tandartspraktijk", ("dental_assistant",)),
        ("Apotheek", ("pharmacy_assistant",)),
        ("Kliniek", ("sterilisation_assistant", "patient_transporter", "nurse_vocational")),
        ("Jeugdzorg", ("youth_worker", "social_worker", "residential_support_worker")),
        ("Zorgvervoer", ("ambulance_driver", "passenger_transport_driver")),
    ),
    "transport_logistics": (
        ("Transportbedrijf", ("truck_driver", "transport_planner", "freight_handler")),
        ("Logistiek", ("warehouse_worker", "forklift_driver", "stock_clerk", "dispatch_worker")),
        ("Distributiecentrum", ("warehouse_worker", "forklift_driver", "dispatch_worker")),
        ("Koeriersdienst", ("parcel_delivery_driver", "bicycle_courier", "mail_carrier")),
        ("Expeditie", ("dispatch_worker", "customs_declarant", "freight_handler")),
        ("Taxibedrijf", ("taxi_driver", "passenger_transport_driver")),
        ("Verhuisbedrijf", ("furniture_mover", "truck_driver")),
        ("Vervoersbedrijf", ("bus_driver", "passenger_transport_driver")),
        ("Bezorgservice", ("newspaper_deliverer", "leaflet_distributor", "parcel_delivery_driver")),
        ("Havenbedrijf", ("deckhand", "freight_handler", "forklift_driver", "customs_declarant")),
    ),
    "cleaning": (
        (
            "Schoonmaakbedrijf",
            ("cleaner", "healthcare_cleaner", "construction_cleaner", "cleaning_supervisor"),
        ),
        ("Glazenwassersbedrijf", ("window_cleaner", "facade_cleaner")),
        ("Schoonmaakdiensten", ("cleaner", "transport_cleaner", "industrial_cleaner")),
        ("Afvalverwerking", ("refuse_collector", "waste_sorter", "street_cleaner")),
        ("Wasserij", ("laundry_worker",)),
        ("Autowasstraat", ("car_washer",)),
        ("Ongediertebestrijding", ("pest_controller",)),
        ("Schoorsteenveger", ("chimney_sweep",)),
    ),
    "green": (
        ("Hoveniersbedrijf", ("gardener", "gardener_assistant", "arborist")),
        ("Kwekerij", ("nursery_grower", "horticulture_worker", "harvest_worker")),
        ("Groenbedrijf", ("green_maintenance_worker", "gardener_assistant", "tractor_driver")),
        ("Bloembollenbedrijf", ("bulb_worker", "harvest_worker", "horticulture_worker")),
        ("Boerderij", ("farm_worker", "livestock_worker", "tractor_driver")),
        ("Dierenpension", ("animal_caretaker",)),
        ("Natuurbeheer", ("forest_ranger", "nature_maintenance_worker")),
    ),
    "retail": (
        ("Supermarkt", ("supermarket_worker", "shelf_stacker", "cashier", "store_team_leader")),
        ("Bakkerij", ("bakery_sales_assistant", "baker")),
        ("Bouwmarkt", ("sales_assistant", "cashier", "shelf_stacker", "rental_clerk")),
        ("Modehuis", ("sales_assistant", "visual_merchandiser", "store_manager")),
        ("Slagerij", ("butcher", "sales_assistant")),
        ("Bloemenhuis", ("florist",)),
        ("Tankstation", ("fuel_station_attendant", "cashier")),
        ("Opticien", ("optician", "sales_assistant")),
        ("Groothandel", ("sales_representative", "purchaser", "warehouse_worker")),
        ("Markthandel", ("market_vendor", "promoter")),
    ),
    "production_technology": (
        ("Metaalbewerking", ("welder", "sheet_metal_worker", "structural_metal_worker")),
        (
            "Machinefabriek",
            ("cnc_operator", "machine_operator", "assembler", "maintenance_mechanic"),
        ),
        (
            "Voedingsbedrijf",
            ("food_production_worker", "production_worker", "packer", "meat_processing_worker"),
        ),
        ("Drukkerij", ("printer", "packer", "machine_operator")),
        ("Garage", ("car_mechanic", "tyre_fitter", "vehicle_body_repairer", "car_painter")),
        ("Verpakkingen", ("packer", "packaging_machine_operator", "plastics_operator")),
        ("Fietsenmakerij", ("bicycle_mechanic",)),
        ("Meubelmakerij", ("furniture_maker", "upholsterer")),
        ("Elektronica", ("electronics_assembler", "electronics_mechanic", "quality_inspector")),
        (
            "Procestechniek",
            ("process_operator", "mechatronics_technician", "production_team_leader"),
        ),
        ("Confectieatelier", ("sewing_worker",)),
    ),
    "administration_customer_contact": (
        ("Administratiekantoor", ("admin_assistant", "accounts_clerk", "data_entry_clerk")),
        ("Klantcontactcentrum", ("customer_service_agent", "telephone_operator", "telemarketer")),
        ("Accountantskantoor", ("bookkeeper", "accounts_clerk", "payroll_clerk")),
        ("Verzekeringen", ("customer_service_agent", "admin_assistant", "debt_collector")),
        ("Uitzendbureau", ("staffing_consultant", "hr_assistant")),
        ("Advocatenkantoor", ("legal_assistant", "secretary", "receptionist")),
        ("Kantoorservice", ("receptionist", "mailroom_clerk", "records_clerk", "office_manager")),
        ("Onderzoeksbureau", ("survey_interviewer", "data_entry_clerk")),
    ),
    "education_support": (
        ("Kinderopvang", ("childcare_worker", "after_school_care_worker")),
        ("Kinderdagverblijf", ("childcare_worker",)),
        (
            "Scholengroep",
            (
                "teaching_assistant",
                "classroom_assistant",
                "school_caretaker",
                "school_administrator",
            ),
        ),
        ("BSO", ("after_school_care_worker",)),
        ("Gastouderbureau", ("childminder",)),
        ("Basisschool", ("teaching_assistant", "lunchtime_supervisor", "primary_teacher")),
        ("Taalinstituut", ("dutch_second_language_teacher",)),
    ),
    "security": (
        ("Beveiliging", ("security_guard", "store_detective", "event_security_officer")),
        ("Bewakingsdienst", ("security_guard", "mobile_patrol_officer", "control_room_operator")),
        ("Security", ("door_supervisor", "event_security_officer", "airport_security_officer")),
        ("Verkeersregelaars", ("traffic_controller",)),
        ("Zwembad", ("lifeguard",)),
        ("Parkeerbeheer", ("parking_enforcement_officer", "enforcement_officer")),
    ),
    "ict": (
        (
            "ICT-diensten",
            ("service_desk_agent", "desktop_support_technician", "system_administrator"),
        ),
        ("Softwarebedrijf", ("software_developer", "web_developer", "software_tester")),
        (
            "IT-service",
            ("service_desk_agent", "ict_repair_technician", "application_administrator"),
        ),
        ("Webbureau", ("web_developer", "web_administrator", "data_analyst")),
        ("Computerreparatie", ("ict_repair_technician",)),
    ),
    "other": (
        ("Kapsalon", ("hairdresser",)),
        ("Schoonheidssalon", ("beautician",)),
        ("Sportcentrum", ("fitness_instructor", "sports_instructor", "facility_worker")),
        ("Uitvaartzorg", ("funeral_worker",)),
        ("Klussenbedrijf", ("handyman",)),
        ("Rijschool", ("driving_instructor",)),
        ("Dierenkliniek", ("veterinary_assistant",)),
        ("Evenementenbureau", ("event_organiser", "photographer")),
    ),
}
# Jobs that almost any organisation has now and then.
COMMON_OCCUPATIONS = (
    "admin_assistant",
    "receptionist",
    "cleaner",
    "customer_service_agent",
    "facility_worker",
    "warehouse_worker",
)
COMPANY_SUFFIXES = ("B.V.", "en Zonen", "Groep", "V.O.F.")

LOCATION_EXTRA_NAME = "{organisation}, vestiging {place}"
ACCESSIBILITY_NOTES = (
    "Ingang op de begane grond, geschikt voor een rolstoel.",
    "Er is een lift. Een invalidentoilet is aanwezig.",
    "De ingang heeft een drempel. Bel aan, dan helpen we je.",
    "",
)

# ---------------------------------------------------------------------------
# Vacancies
# ---------------------------------------------------------------------------

VACANCY_INTROS = (
    "{organisation} zoekt een {label} in {place}.",
    "Wil je aan de slag als {label}? Kom werken bij {organisation} in {place}.",
    "Bij {organisation} in {place} is plek voor een {label}.",
    "Zoek je werk als {label}? {organisation} in {place} zoekt nieuwe collega's.",
)

FIELD_TASKS: dict[str, tuple[str, ...]] = {
    "hospitality_tourism": (
        "Je helpt gasten en zorgt dat zij zich welkom voelen.",
        "Je werkt samen met een klein team.",
        "Je houdt je werkplek schoon en netjes.",
        "Je werkt volgens rooster, ook in de avond of het weekend.",
        "Je zorgt dat alles klaarstaat voor de volgende dienst.",
    ),
    "construction_installation": (
        "Je werkt op de bouwplaats of bij mensen thuis.",
        "Je helpt met bouwen, verbouwen of repareren.",
        "Je werkt veilig met gereedschap en machines.",
        "Je ruimt de werkplek op aan het eind van de dag.",
        "Je werkt samen met ervaren collega's die je het vak leren.",
    ),
    "care_welfare": (
        "Je helpt mensen die zorg of ondersteuning nodig hebben.",
        "Je hebt aandacht voor de mensen die je helpt en maakt tijd voor een praatje.",
        "Je schrijft kort op wat je hebt gedaan.",
        "Je werkt samen met collega's in een vast team.",
        "Je zorgt voor een fijne en veilige sfeer.",
    ),
    "transport_logistics": (
        "Je zorgt dat goederen of mensen op tijd op de goede plek komen.",
        "Je werkt volgens een planning.",
        "Je werkt veilig en houdt je aan de regels.",
        "Je controleert of alles goed en heel is.",
        "Je werkt samen met planners en collega's.",
    ),
    "cleaning": (
        "Je maakt schoon volgens een vaste lijst, zodat je weet wat je moet doen.",
        "Je werkt met de juiste machines en middelen.",
        "Je werkt vaak vroeg in de ochtend of in de avond.",
        "Je werkt zelfstandig of met een vaste collega.",
    ),
    "green": (
        "Je werkt veel buiten, ook als het regent.",
        "Je werkt met planten, bomen of dieren.",
        "Je werkt met machines zoals een bosmaaier of een trekker.",
        "Je werkt samen in een vaste ploeg.",
    ),
    "retail": (
        "Je helpt klanten in de winkel.",
        "Je vult de vakken en houdt de winkel netjes.",
        "Je werkt soms achter de kassa.",
        "Je neemt nieuwe spullen aan en ruimt ze op.",
    ),
    "production_technology": (
        "Je werkt in de fabriek of de werkplaats.",
        "Je controleert of het werk goed is.",
        "Je houdt je werkplek schoon en veilig.",
        "Je werkt met vaste collega's in een team.",
        "Je werkt volgens duidelijke instructies.",
    ),
    "administration_customer_contact": (
        "Je beantwoordt vragen van klanten aan de telefoon, via e-mail of aan de balie.",
        "Je voert gegevens in op de computer.",
        "Je zorgt dat post en dossiers op de goede plek komen.",
        "Je plant afspraken en houdt agenda's bij.",
    ),
    "education_support": (
        "Je helpt kinderen of leerlingen in de klas of op de opvang.",
        "Je werkt samen met leraren of pedagogisch medewerkers.",
        "Je let op de veiligheid van de kinderen.",
        "Je helpt bij spelletjes, huiswerk en pauzes.",
    ),
    "security": (
        "Je zorgt voor veiligheid in gebouwen, winkels of op straat.",
        "Je loopt rondes en let op bijzonderheden.",
        "Je spreekt mensen vriendelijk maar duidelijk aan.",
        "Je schrijft een kort verslag van je dienst.",
    ),
    "ict": (
        "Je lost ICT-problemen op en legt uit wat je hebt gedaan.",
        "Je zorgt dat computers, systemen en programma's goed werken.",
        "Je werkt samen in een klein ICT-team.",
        "Je leert steeds nieuwe dingen over software en techniek.",
    ),
    "other": (
        "Je helpt klanten en zorgt dat zij tevreden zijn.",
        "Je houdt je werkplek netjes.",
        "Je werkt zelfstandig en in overleg met je collega's.",
        "Je leert het vak van ervaren collega's.",
    ),
}
# A few occupations are so common in the demo that they get their own tasks.
OCCUPATION_TASKS: dict[str, tuple[str, ...]] = {
    "warehouse_worker": (
        "Je pakt bestellingen (orderpicken) met een handscanner.",
        "Je pakt producten in en zet ze klaar voor de chauffeurs.",
        "Je houdt het magazijn netjes en veilig.",
    ),
    "forklift_driver": (
        "Je rijdt op een heftruck of reachtruck.",
        "Je laadt en lost vrachtwagens en zet pallets in de stellingen.",
        "Je controleert je heftruck voor je begint.",
    ),
    "truck_driver": (
        "Je rijdt met een vrachtwagen door Noord-Holland.",
        "Je laadt en lost bij klanten.",
        "Je bent elke avond thuis.",
    ),
    "bus_driver": (
        "Je rijdt met de bus op vaste lijnen in de regio.",
        "Je helpt reizigers en geeft informatie.",
        "Je werkt volgens een rooster met vroege en late diensten.",
    ),
    "home_care_worker": (
        "Je gaat bij mensen thuis langs en helpt hen met wassen en aankleden.",
        "Je fietst of rijdt van klant naar klant in de wijk.",
        "Je let op hoe het met iemand gaat en bespreekt dat met je team.",
    ),
    "cleaner": (
        "Je maakt kantoren en scholen schoon.",
        "Je stofzuigt, dweilt en maakt sanitair schoon.",
        "Je werkt met vaste collega's op vaste adressen.",
    ),
}

CONTRACT_SENTENCES: dict[str, str] = {
    "permanent": "Een vast contract.",
    "temporary": "Een contract voor een half jaar. Gaat het goed, dan krijg je een langer contract.",
    "temp_agency": "Je werkt eerst via een uitzendbureau. Daarna kun je bij ons in dienst komen.",
    "on_call": "Een oproepcontract: je werkt als wij je nodig hebben, en jij zegt wanneer je kunt.",
    "learning_working": "Een leerwerkplek: je werkt en haalt tegelijk een mbo-diploma (BBL).",
    "internship": "Een stage met begeleiding en een stagevergoeding.",
    "none": "Vrijwilligerswerk met een onkostenvergoeding.",
}
OFFER_EXTRAS = (
    "Je krijgt reiskosten vergoed.",
    "Een vaste collega helpt je in je eerste weken.",
    "Je krijgt werkkleding van ons.",
    "Vakantiegeld en 25 vakantiedagen bij een volledige werkweek.",
    "Je kunt bij ons een opleiding volgen. Wij betalen die.",
    "Een fijn team dat je helpt als je iets nog niet weet.",
    "Korting op onze producten.",
    "Je kunt op de fiets komen: er is een fietsenstalling.",
)
LOOKING_FOR_GENERAL = (
    "Je bent op tijd en je komt afspraken na.",
    "Je werkt graag met je handen.",
    "Je bent vriendelijk tegen klanten en collega's.",
    "Je kunt goed samenwerken.",
    "Je vindt het niet erg om vroeg te beginnen.",
    "Je kunt ook op zaterdag werken.",
    "Je bent nieuwsgierig en wilt graag leren.",
)
NO_EXPERIENCE = "Ervaring is niet nodig. Wij leren je het werk."
SOME_EXPERIENCE = "Je hebt al een beetje ervaring in dit werk."
INCLUSIVE_SENTENCE = (
    "Wij geven graag een kans aan mensen die al een tijd geen werk hebben of een "
    "arbeidsbeperking hebben. Een jobcoach kan je op het werk helpen."
)
APPLY_SENTENCES = (
    "Solliciteren? Stuur ons een korte brief. Een cv is fijn, maar niet verplicht.",
    "Solliciteren? Bel of mail ons. Je mag ook eerst een dagje meelopen.",
    "Solliciteren? Vul het korte formulier in. Wij bellen je binnen een week.",
)
# Title variants; the generator only uses one when it fits the offering.
SHIFT_VARIANTS = ("dagdienst", "avonddienst", "ochtenddienst", "weekenddienst")
SHIFT_FIELDS = frozenset(
    {
        "transport_logistics",
        "production_technology",
        "cleaning",
        "care_welfare",
        "security",
        "hospitality_tourism",
    }
)
TITLE_NO_EXPERIENCE = "geen ervaring nodig"
TITLE_LEARNING = "leerwerkplek"
TITLE_ON_CALL = "oproepkracht"
TITLE_PART_TIME = "parttime"
TITLE_FULL_TIME = "fulltime"
HOURS_IN_TITLE = "({hours_min}–{hours_max} uur)"
HOURS_EXACT_IN_TITLE = "({hours} uur)"
TITLE_REMOTE = "(thuiswerken)"
HOURS_SENTENCE = "Je werkt {hours_min} tot {hours_max} uur per week."
HOURS_EXACT_SENTENCE = "Je werkt {hours} uur per week."
SALARY_SENTENCE = "Je verdient € {low} tot € {high} bruto {period}."
LICENCE_SENTENCE = "Je hebt rijbewijs {codes}."
CERTIFICATE_SENTENCE = "Nodig: {label}. Heb je dit nog niet? Dan helpen wij je het te halen."
VOG_SENTENCE = "Je kunt een VOG (verklaring omtrent gedrag) krijgen. Wij vragen die voor je aan."
LANGUAGE_SENTENCE = "Je spreekt en begrijpt Nederlands op niveau {level} of hoger."
EDUCATION_SENTENCE = "Je hebt minimaal dit diploma: {label}."
SECTION_TASKS = "Wat ga je doen?"
SECTION_OFFER = "Wat bieden wij?"
SECTION_WANTED = "Wie zoeken wij?"
# Sectors for job fairs: (in a title, after "werkgevers uit", occupational field)
JOB_FAIR_SECTORS = (
    ("Zorg en Welzijn", "de zorg en het welzijnswerk", "care_welfare"),
    ("Techniek", "de techniek", "production_technology"),
    ("Horeca", "de horeca", "hospitality_tourism"),
    ("Logistiek", "de logistiek", "transport_logistics"),
    ("Bouw", "de bouw", "construction_installation"),
    ("Schoonmaak", "de schoonmaak", "cleaning"),
    ("Detailhandel", "de detailhandel", "retail"),
    ("Onderwijs en Kinderopvang", "het onderwijs en de kinderopvang", "education_support"),
)

# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------

JOB_FAIRS = (
    ActivityText(
        "Banenmarkt {municipality}",
        "Op de banenmarkt in {place} staan meer dan twintig werkgevers uit de regio. Je kunt "
        "direct praten over een baan. Neem een paar cv's mee. Geen cv? Bij de ingang helpen "
        "we je er een te maken.",
        (Theme.FINDING_WORK, Theme.APPLYING),
        join_methods=(JoinMethod.WALK_IN,),
    ),
    ActivityText(
        "Banenmarkt {sector} {where}",
        "Werkgevers uit {sector_phrase} vertellen wat voor werk er is en wat je nodig "
        "hebt. Veel banen zijn ook voor mensen zonder ervaring. Je kunt meteen een afspraak "
        "maken voor een gesprek.",
        (Theme.FINDING_WORK,),
        join_methods=(JoinMethod.WALK_IN, JoinMethod.SIGN_UP),
    ),
    ActivityText(
        "Speeddaten met werkgevers in {municipality}",
        "Je praat vijf minuten met een werkgever, dan schuif je door. Zo leer je in één "
        "middag tien bedrijven kennen. Meld je aan, dan weet je van tevoren welke bedrijven "
        "er zijn.",
        (Theme.FINDING_WORK, Theme.NETWORKING),
    ),
    ActivityText(
        "Jongerenbanenmarkt {area}",
        "Ben je tussen de 16 en 27 jaar en zoek je werk of een leerwerkplek? Op deze "
        "banenmarkt vind je bedrijven die jongeren zoeken. Jongerenwerkers helpen je op weg.",
        (Theme.FINDING_WORK, Theme.LEARNING),
        target_groups=(TargetGroup.YOUTH,),
        join_methods=(JoinMethod.WALK_IN,),
    ),
    ActivityText(
        "Banenmarkt voor nieuwkomers {area}",
        "Werkgevers die nieuwkomers graag een kans geven. Er zijn tolken aanwezig. Je hoeft "
        "nog geen perfect Nederlands te spreken.",
        (Theme.FINDING_WORK, Theme.DUTCH_LANGUAGE),
        target_groups=(TargetGroup.STATUS_HOLDERS,),
        languages=(
            ActivityLanguage.DUTCH,
            ActivityLanguage.ARABIC,
            ActivityLanguage.TIGRINYA,
            ActivityLanguage.UKRAINIAN,
        ),
        join_methods=(JoinMethod.WALK_IN, JoinMethod.REFERRAL),
    ),
    ActivityText(
        "Banenmarkt 55-plus {area}",
        "Werkgevers die ervaring waarderen. Je hoort hoe je je kansen vergroot en je praat "
        "direct met bedrijven die 55-plussers zoeken.",
        (Theme.FINDING_WORK,),
        target_groups=(TargetGroup.OVER_55,),
        join_methods=(JoinMethod.WALK_IN,),
    ),
)

APPLICATION_TRAININGS = (
    ActivityText(
        "Sollicitatietraining: je cv in één middag",
        "In één middag maak je een goed cv. Een trainer helpt je om te laten zien wat je kunt, "
        "ook als je lang niet gewerkt hebt. Neem je diploma's of een lijstje van je werk mee.",
        (Theme.APPLYING,),
    ),
    ActivityText(
        "Oefenen met sollicitatiegesprekken",
        "Je oefent een sollicitatiegesprek met een trainer en andere werkzoekenden. Je krijgt "
        "tips over wat je zegt en hoe je overkomt. Zo ga je met meer vertrouwen naar een "
        "echt gesprek.",
        (Theme.APPLYING,),
    ),
    ActivityText(
        "Solliciteren met LinkedIn",
        "Je maakt een LinkedIn-profiel en leert hoe je vacatures vindt en werkgevers "
        "benadert. Neem je telefoon of laptop mee.",
        (Theme.APPLYING, Theme.DIGITAL_SKILLS),
    ),
    ActivityText(
        "Solliciteren na je 55ste",
        "Hoe laat je zien wat je ervaring waard is? In deze training werk je aan je cv en je "
        "verhaal, samen met andere 55-plussers.",
        (Theme.APPLYING,),
        target_groups=(TargetGroup.OVER_55,),
        providers=("UWV", "Vakbond", "Loopbaanhuis", "Re-integratie", "Gemeente"),
    ),
    ActivityText(
        "Solliciteren met een arbeidsbeperking",
        "Vertel je het wel of niet? En wat kan de werkgever voor je regelen? Je krijgt "
        "antwoord op je vragen en oefent je verhaal.",
        (Theme.APPLYING, Theme.HEALTH_WELLBEING),
        target_groups=(TargetGroup.WORK_LIMITING_DISABILITY,),
    ),
    ActivityText(
        "Je eerste baan in Nederland: zo solliciteer je",
        "Hoe werkt solliciteren in Nederland? Wat zet je in een brief en hoe gaat een "
        "gesprek? De training is in eenvoudig Nederlands, met hulp in je eigen taal.",
        (Theme.APPLYING, Theme.DUTCH_LANGUAGE),
        target_groups=(TargetGroup.STATUS_HOLDERS,),
        languages=(ActivityLanguage.DUTCH, ActivityLanguage.ARABIC, ActivityLanguage.UKRAINIAN),
        providers=("UWV", "Gemeente", "Taalschool", "Taalhuis", "Re-integratie"),
    ),
    ActivityText(
        "Hulp bij je sollicitatiebrief",
        "Loop binnen met je vacature. Een vrijwilliger helpt je om een brief te schrijven en "
        "te versturen. Je hoeft je niet aan te melden.",
        (Theme.APPLYING,),
        join_methods=(JoinMethod.WALK_IN,),
        providers=("Taalhuis", "UWV", "Gemeente", "Jobcoach", "Vakbond"),
    ),
)

NETWORKING_MEETINGS = (
    ActivityText(
        "Netwerkbijeenkomst werkzoekenden {municipality}",
        "Je ontmoet andere werkzoekenden en mensen van bedrijven uit {place}. Je deelt tips en "
        "hoort waar werk is. Er is koffie en thee.",
        (Theme.NETWORKING, Theme.FINDING_WORK),
        providers=(
            "Gemeente",
            "UWV",
            "Werkgeversservicepunt",
            "Re-integratie",
            "Loopbaanhuis",
            "Welzijn",
        ),
    ),
    ActivityText(
        "Werkcafé {place}",
        "Elke keer een ander onderwerp: een werkgever vertelt over zijn bedrijf, of we praten "
        "over solliciteren. Loop gerust binnen.",
        (Theme.NETWORKING, Theme.FINDING_WORK),
        join_methods=(JoinMethod.WALK_IN,),
        providers=("Gemeente", "UWV", "Welzijn", "wijkteam", "Taalhuis", "Vakbond", "Jobcoach"),
    ),
    ActivityText(
        "Koffie en kansen in {neighbourhood}",
        "Een kop koffie met buurtbewoners, het wijkteam en ondernemers uit de wijk. Je hoort "
        "waar vrijwilligers en nieuwe collega's gezocht worden.",
        (Theme.NETWORKING,),
        join_methods=(JoinMethod.WALK_IN,),
        providers=("wijkteam", "Welzijn", "Buurtkracht"),
    ),
    ActivityText(
        "Netwerkochtend 55-plus {area}",
        "Samen met andere 55-plussers werk je aan je netwerk. Je leert hoe je je kennissen "
        "vraagt om mee te denken over werk.",
        (Theme.NETWORKING,),
        target_groups=(TargetGroup.OVER_55,),
        providers=("UWV", "Gemeente", "Vakbond", "Loopbaanhuis"),
    ),
    ActivityText(
        "Ontmoet werkgevers uit {sector_phrase}",
        "Werkgevers uit {sector_phrase} vertellen over hun werk. Daarna kun je rustig met ze "
        "praten. Je hoeft geen cv mee te nemen.",
        (Theme.NETWORKING, Theme.FINDING_WORK),
        providers=("Werkgeversservicepunt", "UWV", "Gemeente"),
    ),
    ActivityText(
        "Vrouwen aan het werk: netwerkochtend",
        "Voor vrouwen die (weer) aan het werk willen. Je ontmoet vrouwen die het je voordeden "
        "en praat over werk, kinderopvang en zelfvertrouwen. Kinderopvang is geregeld.",
        (Theme.NETWORKING, Theme.CHILDCARE_FAMILY),
        languages=(ActivityLanguage.DUTCH, ActivityLanguage.TURKISH, ActivityLanguage.ARABIC),
        providers=("Welzijn", "Gemeente", "wijkteam"),
    ),
)

# ---------------------------------------------------------------------------
# Courses
# ---------------------------------------------------------------------------

PAID_COURSE = "De cursus kost {price} euro. Heb je een uitkering? Vaak betaalt de gemeente."
OPEN_START = "Je kunt elke maand instromen. Meld je aan, dan bellen we je voor een kennismaking."

COURSES = (
    ActivityText(
        "Heftruckcertificaat halen",
        "In één dag leer je veilig rijden op een heftruck. Aan het eind doe je examen. Met "
        "het certificaat kun je in een magazijn aan de slag.",
        (Theme.LEARNING, Theme.FINDING_WORK),
        schedule="days:1",
        paid_share=0.4,
        providers=("ROC", "Opleidingsinstituut", "Logistiek", "Leerwerkbedrijf"),
    ),
    ActivityText(
        "VCA Basis in twee dagen",
        "Met VCA Basis mag je werken in de bouw, de techniek en op veel bouwplaatsen. Je leert "
        "veilig werken en doet op de tweede dag examen.",
        (Theme.LEARNING,),
        schedule="days:2",
        paid_share=0.4,
        providers=("ROC", "Opleidingsinstituut", "Techniek", "Leerwerkbedrijf"),
    ),
    ActivityText(
        "Nederlands op de werkvloer (NT2 A2–B1)",
        "Je leert de woorden en zinnen die je op je werk nodig hebt: met collega's praten, "
        "instructies begrijpen en een formulier invullen. Twee ochtenden per week.",
        (Theme.DUTCH_LANGUAGE, Theme.LEARNING),
        target_groups=(TargetGroup.STATUS_HOLDERS,),
        schedule="weekly:12",
        providers=("ROC", "Opleidingsinstituut", "Taal"),
    ),
    ActivityText(
        "Nederlands voor beginners (NT2 A1)",
        "Je leert je eerste woorden en zinnen Nederlands. Kleine groep, veel oefenen en "
        "praten. Uitleg kan ook in het Engels of Arabisch.",
        (Theme.DUTCH_LANGUAGE,),
        target_groups=(TargetGroup.STATUS_HOLDERS,),
        languages=(ActivityLanguage.DUTCH, ActivityLanguage.ENGLISH, ActivityLanguage.ARABIC),
        schedule="weekly:16",
        providers=("Taal",),
    ),
    ActivityText(
        "Rijbewijs B voor je werk",
        "Voor veel banen heb je een rijbewijs nodig. Je krijgt theorieles en rijlessen. Heb "
        "je werk in zicht? Vraag je klantmanager of de gemeente meebetaalt.",
        (Theme.MOBILITY, Theme.LEARNING),
        schedule="weekly:10",
        paid_share=0.6,
        join_methods=(JoinMethod.REFERRAL,),
        providers=("Rijschool",),
    ),
    ActivityText(
        "Digitale vaardigheden voor werkzoekenden",
        "Je leert e-mailen, werken met DigiD en vacatures zoeken op internet. Je oefent op "
        "een laptop van ons. Geen ervaring nodig.",
        (Theme.DIGITAL_SKILLS,),
        schedule="weekly:6",
        providers=("ROC", "Opleidingsinstituut", "Digitaal", "Taalhuis"),
    ),
    ActivityText(
        "Omscholing naar de zorg",
        "Wil je in de zorg werken? Je volgt een leerwerktraject: je werkt bij een "
        "zorgorganisatie en haalt tegelijk je diploma Helpende of Verzorgende IG. Je krijgt "
        "salaris tijdens de opleiding.",
        (Theme.LEARNING, Theme.FINDING_WORK),
        join_methods=(JoinMethod.SIGN_UP, JoinMethod.REFERRAL),
        providers=("ROC", "Opleidingsinstituut", "Zorgacademie"),
    ),
    ActivityText(
        "Omscholing naar de techniek",
        "In een half jaar leer je de basis van de techniek: meten, monteren en veilig "
        "werken. Daarna ga je aan de slag bij een bedrijf uit de regio.",
        (Theme.LEARNING, Theme.FINDING_WORK),
        schedule="weekly:24",
        providers=("ROC", "Opleidingsinstituut", "Techniek"),
    ),
    ActivityText(
        "Reachtruckcertificaat halen",
        "Een dag oefenen op de reachtruck, daarna examen. Handig als je in een groot "
        "magazijn wilt werken.",
        (Theme.LEARNING,),
        schedule="days:1",
        paid_share=0.5,
        providers=("ROC", "Opleidingsinstituut", "Logistiek"),
    ),
    ActivityText(
        "BHV en EHBO voor je nieuwe baan",
        "Je leert wat je doet bij brand of een ongeluk. Veel werkgevers vragen dit. Je krijgt "
        "een certificaat.",
        (Theme.LEARNING,),
        schedule="days:2",
        paid_share=0.5,
        providers=("ROC", "Opleidingsinstituut", "Beveiliging", "Zorgacademie"),
    ),
    ActivityText(
        "Sociale Hygiëne voor de horeca",
        "Met dit diploma mag je in de horeca leidinggeven aan de bar. Je leert over alcohol, "
        "veiligheid en de regels.",
        (Theme.LEARNING,),
        schedule="weekly:3",
        paid_share=0.7,
        providers=("ROC", "Opleidingsinstituut"),
    ),
    ActivityText(
        "Hygiënecode: werken met voedsel",
        "Je leert hoe je veilig en schoon met eten werkt. Nodig voor werk in keukens en "
        "bedrijfsrestaurants.",
        (Theme.LEARNING,),
        schedule="days:1",
        paid_share=0.3,
        providers=("ROC", "Opleidingsinstituut"),
    ),
    ActivityText(
        "Opleiding Beveiliger 2",
        "In deze opleiding haal je het diploma Beveiliger 2. Je leert over toezicht, "
        "veiligheid en omgaan met lastige situaties. Met een baangarantie bij een partner.",
        (Theme.LEARNING, Theme.FINDING_WORK),
        schedule="weekly:14",
        paid_share=0.5,
        providers=("Beveiliging",),
    ),
    ActivityText(
        "Code 95 voor beroepschauffeurs",
        "Heb je rijbewijs C of D? Met Code 95 mag je beroepsmatig rijden. Deze nascholing "
        "duurt één dag.",
        (Theme.LEARNING, Theme.MOBILITY),
        schedule="days:1",
        paid_share=0.8,
        providers=("Logistiek", "Rijschool"),
    ),
    ActivityText(
        "Werken met Word en Excel",
        "Je leert brieven maken in Word en eenvoudige lijsten in Excel. Voor iedereen die "
        "op kantoor wil werken.",
        (Theme.DIGITAL_SKILLS, Theme.LEARNING),
        schedule="weekly:5",
        paid_share=0.2,
        providers=("ROC", "Opleidingsinstituut", "Digitaal"),
    ),
    ActivityText(
        "Klantvriendelijk werken aan de telefoon",
        "Je oefent gesprekken met klanten: vragen beantwoorden, rustig blijven bij klachten "
        "en goed noteren. Een opstap naar werk in een klantcontactcentrum.",
        (Theme.LEARNING, Theme.FINDING_WORK),
        schedule="weekly:4",
        providers=("ROC", "Opleidingsinstituut"),
    ),
    ActivityText(
        "Leerwerktraject logistiek (mbo 2)",
        "Je werkt vier dagen in een magazijn en gaat één dag naar school. Na een jaar heb je "
        "een mbo-2-diploma logistiek.",
        (Theme.LEARNING, Theme.FINDING_WORK),
        join_methods=(JoinMethod.SIGN_UP, JoinMethod.REFERRAL),
        providers=("ROC", "Logistiek"),
    ),
    ActivityText(
        "Rekenen voor je werk",
        "Rekenen met geld, maten en tijd, zoals je dat op je werk nodig hebt. In een kleine "
        "groep en in je eigen tempo.",
        (Theme.LEARNING,),
        schedule="weekly:8",
        providers=("ROC", "Opleidingsinstituut", "Taal"),
    ),
)

# ---------------------------------------------------------------------------
# Work-experience places, basic jobs and volunteering
# ---------------------------------------------------------------------------

WORK_EXPERIENCE_TITLES = (
    "Werkervaringsplek {label}",
    "Leerwerkplek {label} met begeleiding",
    "Proefplaatsing {label}",
)
WORK_EXPERIENCE_DESCRIPTION = (
    "Op deze werkervaringsplek bij {organisation} in {place} doe je ervaring op als {label}. Je "
    "werkt een paar dagen per week, met een vaste begeleider. Je houdt je uitkering. Na zes "
    "maanden kijken we samen of een betaalde baan erin zit."
)
# Occupations that make good work-experience places and basic jobs.
WORK_EXPERIENCE_OCCUPATIONS = (
    "warehouse_worker",
    "kitchen_assistant",
    "dishwasher",
    "hospitality_worker",
    "cleaner",
    "green_maintenance_worker",
    "gardener_assistant",
    "thrift_store_worker",
    "shelf_stacker",
    "sales_assistant",
    "supermarket_worker",
    "admin_assistant",
    "receptionist",
    "production_worker",
    "packer",
    "construction_labourer",
    "care_helper",
    "residential_care_host",
    "bicycle_mechanic",
    "facility_worker",
    "catering_assistant",
    "furniture_mover",
)
BASIC_JOBS = (
    ActivityText(
        "Basisbaan klusser in de wijk",
        "Met een basisbaan heb je een echte baan met salaris, voor een paar jaar. Je doet "
        "kleine klussen in en rond huurwoningen in {place}. Je krijgt een vaste begeleider.",
        (Theme.FINDING_WORK,),
        occupation="handyman",
    ),
    ActivityText(
        "Basisbaan groenonderhoud in {place}",
        "Je houdt parken en plantsoenen in {place} netjes. Je werkt buiten in een vast team. "
        "Een basisbaan is betaald werk met begeleiding.",
        (Theme.FINDING_WORK,),
        occupation="green_maintenance_worker",
    ),
    ActivityText(
        "Basisbaan gastvrouw of gastheer in het buurthuis",
        "Je ontvangt bezoekers van het buurthuis, zet koffie en helpt bij activiteiten. Een "
        "basisbaan is betaald werk voor mensen die lang in de bijstand zitten.",
        (Theme.FINDING_WORK,),
        occupation="residential_care_host",
    ),
    ActivityText(
        "Basisbaan conciërge op een basisschool",
        "Je helpt de school: kleine reparaties, post rondbrengen en toezicht op het plein. "
        "Betaald werk met begeleiding, voor een aantal jaren.",
        (Theme.FINDING_WORK,),
        occupation="school_caretaker",
    ),
    ActivityText(
        "Basisbaan buurtconciërge",
        "Je bent het vaste gezicht in de buurt: je let op zwerfvuil, meldt kapotte lampen en "
        "helpt bewoners op weg. Met salaris en begeleiding.",
        (Theme.FINDING_WORK,),
        occupation="housing_caretaker",
    ),
    ActivityText(
        "Basisbaan schoonmaak in openbare gebouwen",
        "Je maakt het gemeentehuis, de bibliotheek of een sporthal schoon, in een vast team. "
        "Een basisbaan is betaald werk met begeleiding.",
        (Theme.FINDING_WORK,),
        occupation="cleaner",
    ),
)
VOLUNTEERING = (
    ActivityText(
        "Vrijwilliger bij de voedselbank",
        "Je helpt met het sorteren en uitdelen van voedselpakketten in {place}. Een paar uur "
        "per week, in een gezellig team.",
        (Theme.HEALTH_WELLBEING,),
        occupation="warehouse_worker",
        providers=("Voedselbank", "Vrijwilligerscentrale", "Welzijn"),
    ),
    ActivityText(
        "Taalmaatje worden",
        "Je spreekt één keer per week af met een nieuwkomer om Nederlands te oefenen. Je "
        "krijgt een korte training en tips.",
        (Theme.DUTCH_LANGUAGE, Theme.NETWORKING),
        providers=("Taal", "Welzijn", "Vrijwilligerscentrale"),
    ),
    ActivityText(
        "Vrijwilliger in het buurthuis {neighbourhood}",
        "Help mee achter de bar, bij de computerles of bij de kookclub. Je leert mensen uit de "
        "buurt kennen en doet werkervaring op.",
        (Theme.NETWORKING, Theme.HEALTH_WELLBEING),
        occupation="hospitality_worker",
        providers=("Welzijn", "wijkteam", "Buurtkracht"),
    ),
    ActivityText(
        "Chauffeur voor de buurtbus",
        "Je rijdt ouderen en mensen die slecht ter been zijn naar de dokter of de winkel. Je "
        "hebt rijbewijs B.",
        (Theme.MOBILITY,),
        occupation="passenger_transport_driver",
        driving_licences=("B",),
        providers=("Welzijn", "Vrijwilligerscentrale"),
    ),
    ActivityText(
        "Maatje voor een oudere",
        "Je gaat op bezoek bij een oudere in de buurt: samen wandelen, koffie drinken of een "
        "spelletje doen.",
        (Theme.HEALTH_WELLBEING,),
        providers=("Welzijn", "Vrijwilligerscentrale", "wijkteam", "Buurtkracht"),
    ),
    ActivityText(
        "Vrijwilliger in de kringloopwinkel",
        "Je prijst spullen, helpt klanten en houdt de winkel netjes. Goede werkervaring voor "
        "werk in een winkel.",
        (Theme.FINDING_WORK,),
        occupation="thrift_store_worker",
        providers=("Kringloop", "Vrijwilligerscentrale"),
    ),
    ActivityText(
        "Huiswerkbegeleiding op de basisschool",
        "Je helpt kinderen na schooltijd met lezen en rekenen. Twee middagen per week.",
        (Theme.CHILDCARE_FAMILY,),
        occupation="teaching_assistant",
        providers=("Welzijn", "Vrijwilligerscentrale", "Buurtkracht"),
    ),
)

# ---------------------------------------------------------------------------
# Support and help for entrepreneurs
# ---------------------------------------------------------------------------

SUPPORT_SERVICES = (
    ActivityText(
        "Schuldhulp: samen je geldzaken op orde",
        "Heb je schulden of lukt het niet om rond te komen? Wij zoeken samen met jou een "
        "oplossing. Het gesprek is gratis en vertrouwelijk.",
        (Theme.MONEY_DEBTS,),
        join_methods=(JoinMethod.WALK_IN, JoinMethod.SIGN_UP),
        opening_hours="ma–vr 9.00–17.00",
        providers=("Gemeente", "wijkteam", "Schuldhulp", "Welzijn"),
    ),
    ActivityText(
        "Budgetcoach: grip op je geld",
        "Een budgetcoach komt een paar keer bij je thuis. Samen maak je een overzicht van je "
        "inkomsten en uitgaven, en je leert hoe je geld overhoudt.",
        (Theme.MONEY_DEBTS,),
        join_methods=(JoinMethod.SIGN_UP, JoinMethod.REFERRAL),
        providers=("Schuldhulp", "Welzijn", "wijkteam", "Gemeente"),
    ),
    ActivityText(
        "Hulp bij kinderopvang als je gaat werken",
        "Ga je werken of een opleiding volgen? Wij helpen je kinderopvang te regelen en "
        "kijken of je toeslag of een bijdrage van de gemeente krijgt.",
        (Theme.CHILDCARE_FAMILY,),
        join_methods=(JoinMethod.SIGN_UP, JoinMethod.WALK_IN),
        opening_hours="di en do 9.00–12.00",
        providers=("Gemeente", "wijkteam", "Gezinshulp", "Welzijn"),
    ),
    ActivityText(
        "Jobcoaching: hulp op je nieuwe werk",
        "Een jobcoach helpt je in je eerste maanden op je nieuwe werk. Hij of zij praat ook "
        "met je werkgever als iets niet goed gaat.",
        (Theme.FINDING_WORK, Theme.HEALTH_WELLBEING),
        join_methods=(JoinMethod.REFERRAL,),
        providers=("Re-integratie", "Jobcoach", "Werkfit", "Loopbaanhuis", "Leerwerkbedrijf"),
    ),
    ActivityText(
        "Spreekuur werk en inkomen",
        "Heb je een vraag over je uitkering, bijverdienen of werk zoeken? Kom naar het "
        "spreekuur. Je hoeft geen afspraak te maken.",
        (Theme.FINDING_WORK, Theme.MONEY_DEBTS),
        join_methods=(JoinMethod.WALK_IN,),
        opening_hours="wo 13.00–16.00",
        providers=("Gemeente",),
    ),
    ActivityText(
        "Hulp bij formulieren",
        "Snap je een brief of formulier niet? Een vrijwilliger leest met je mee en helpt je "
        "het in te vullen.",
        (Theme.MONEY_DEBTS, Theme.DUTCH_LANGUAGE),
        join_methods=(JoinMethod.WALK_IN,),
        opening_hours="ma en vr 10.00–12.00",
        providers=("Welzijn", "wijkteam", "Taalhuis", "Buurtkracht"),
    ),
    ActivityText(
        "Taalhuis: hulp bij lezen en schrijven",
        "Wil je beter leren lezen, schrijven of rekenen? In het Taalhuis zoeken we samen met "
        "jou een cursus of een taalmaatje.",
        (Theme.DUTCH_LANGUAGE,),
        join_methods=(JoinMethod.WALK_IN, JoinMethod.SIGN_UP),
        opening_hours="di 10.00–12.00 en do 14.00–16.00",
        providers=("Taalhuis", "Taalschool"),
    ),
    ActivityText(
        "Hulp bij vervoer naar je werk",
        "Geen auto of bus in de buurt? Wij helpen je aan een fiets of een oplossing voor "
        "vervoer naar je nieuwe werk.",
        (Theme.MOBILITY,),
        join_methods=(JoinMethod.REFERRAL, JoinMethod.SIGN_UP),
        providers=("Gemeente", "Re-integratie", "Werkfit", "Jobcoach"),
    ),
    ActivityText(
        "Digi-spreekuur: hulp met je computer of telefoon",
        "Hulp met DigiD, e-mail, een app of een sollicitatie via internet. Neem je eigen "
        "telefoon of laptop mee.",
        (Theme.DIGITAL_SKILLS,),
        join_methods=(JoinMethod.WALK_IN,),
        opening_hours="vr 9.30–12.00",
        providers=("Taalhuis", "Digitaal", "Welzijn"),
    ),
)

OPENING_HOURS = (
    "ma–vr 9.00–17.00",
    "ma–do 9.00–16.00",
    "di en do 9.00–12.00",
    "wo 13.00–16.00",
    "op afspraak",
)

ENTREPRENEURSHIP_SUPPORT = (
    ActivityText(
        "Hulp voor Tozo-ondernemers",
        "Kreeg je Tozo en heb je nu vragen over terugbetalen of je bedrijf? Wij helpen je met "
        "een overzicht en zoeken samen een oplossing.",
        (Theme.ENTREPRENEURSHIP, Theme.MONEY_DEBTS),
        target_groups=(TargetGroup.SELF_EMPLOYED,),
        providers=("Gemeente", "Ondernemershuis"),
    ),
    ActivityText(
        "Starterscafé {area}",
        "Een avond voor mensen met een idee voor een eigen bedrijf. Je hoort ervaringen van "
        "andere starters en stelt je vragen aan een adviseur. Elke maand.",
        (Theme.ENTREPRENEURSHIP, Theme.NETWORKING),
        join_methods=(JoinMethod.WALK_IN,),
        schedule="monthly:6",
        providers=("Starterscafé", "Ondernemershuis", "Werkgeversservicepunt"),
    ),
    ActivityText(
        "Ondernemen vanuit de bijstand: is het iets voor jou?",
        "Wil je een eigen bedrijf beginnen terwijl je een uitkering hebt? In een gesprek "
        "kijken we of je plan haalbaar is en welke hulp er is.",
        (Theme.ENTREPRENEURSHIP,),
        target_groups=(TargetGroup.LONG_TERM_ASSISTANCE,),
        join_methods=(JoinMethod.SIGN_UP, JoinMethod.REFERRAL),
        providers=("Gemeente", "Ondernemershuis"),
    ),
    ActivityText(
        "Bbz: hulp en geld voor zelfstandigen",
        "Gaat het even niet goed met je bedrijf? Met het Bbz kun je tijdelijk geld krijgen "
        "voor je levensonderhoud of een lening voor je bedrijf.",
        (Theme.ENTREPRENEURSHIP, Theme.MONEY_DEBTS),
        target_groups=(TargetGroup.SELF_EMPLOYED,),
        join_methods=(JoinMethod.SIGN_UP,),
        providers=("Gemeente",),
    ),
    ActivityText(
        "Spreekuur voor ondernemers met geldzorgen",
        "Loop binnen als je als ondernemer geldzorgen hebt. Een adviseur kijkt met je mee, "
        "vertrouwelijk en gratis.",
        (Theme.ENTREPRENEURSHIP, Theme.MONEY_DEBTS),
        target_groups=(TargetGroup.SELF_EMPLOYED,),
        join_methods=(JoinMethod.WALK_IN,),
        opening_hours="do 16.00–19.00",
        providers=("Ondernemershuis", "Gemeente", "Schuldhulp"),
    ),
    ActivityText(
        "Je eigen bedrijf starten: de eerste stappen",
        "In drie avonden leer je wat er nodig is: inschrijven bij de KvK, een prijs bepalen "
        "en je administratie bijhouden.",
        (Theme.ENTREPRENEURSHIP, Theme.LEARNING),
        schedule="weekly:3",
        paid_share=0.3,
        providers=("Ondernemershuis", "ROC", "Opleidingsinstituut", "Starterscafé"),
    ),
)

# ---------------------------------------------------------------------------
# Demo users
# ---------------------------------------------------------------------------

USER_ABILITIES: dict[str, str] = {
    "beheerder": "Functioneel beheer van de hele regio en Django-beheer (/django-admin/)",
    "beheer-haarlem": "Functioneel beheer van de gemeente Haarlem",
    "partner-uwv": "Aanbod bijhouden voor {organisation}",
    "partner-roc": "Aanbod bijhouden voor {organisation}",
    "partner-wijkteam": "Aanbod bijhouden voor {organisation}",
    "werkgever": "Vacatures bijhouden en voordrachten beantwoorden voor werkgever {organisation} (/partner/, /werkgever/)",
}
