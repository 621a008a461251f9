from django.db import migrations

from werkroute.core.search_index import FullTextIndex, create_index_operation

OFFERING_INDEX = FullTextIndex("catalogue_offering", "search_title", "search_body")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [create_index_operation(OFFERING_INDEX)]
