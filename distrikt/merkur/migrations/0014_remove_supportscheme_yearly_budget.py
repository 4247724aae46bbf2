# Step 3 of 3: the single budget figure is replaced by the per-year budgets (0013).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('merkur', '0013_add_scheme_budgets_per_year'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='supportscheme',
            name='yearly_budget',
        ),
    ]
