"""The editors' dashboard for the share of Nynorsk and Bokmål."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .language_share import LEGAL_MINIMUM_SHARE, build_language_share_report


def language_share_dashboard(request: HttpRequest) -> HttpResponse:
    report = build_language_share_report()
    return render(
        request,
        "core/admin/language_share.html",
        {
            "report": report,
            "report_total": [report.total],
            "minimum": LEGAL_MINIMUM_SHARE,
            "minimum_percent": int(LEGAL_MINIMUM_SHARE * 100),
        },
    )
