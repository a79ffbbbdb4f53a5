"""Django's admin change list, with dates the database cannot hold refused as bad parameters.

``?published_at__year=9999`` makes Django ask for the year 10000, and a filter on
``0001-01-01`` in the newsroom's time zone overflows when it is converted to UTC: both
were 500s. Django answers any other bad lookup parameter by redirecting to ``?e=1``.
"""

from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList as BaseChangeList
from django.core.exceptions import EmptyResultSet, FullResultSet


class ChangeList(BaseChangeList):
    def get_filters(self, request):
        try:
            return super().get_filters(request)
        except (ValueError, OverflowError) as error:  # date_hierarchy's year + 1, int(huge)
            raise IncorrectLookupParameters(error) from error

    def get_queryset(self, request, exclude_parameters=None):
        queryset = super().get_queryset(request, exclude_parameters)
        # Values are converted for the database only when the SQL is built; build it here,
        # where a value out of range can still be called a bad parameter.
        try:
            queryset.query.get_compiler(queryset.db).as_sql()
        except (EmptyResultSet, FullResultSet):
            pass
        except (ValueError, OverflowError) as error:
            raise IncorrectLookupParameters(error) from error
        return queryset
