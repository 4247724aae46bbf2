"""vCard 3.0 for a member of staff, written with vobject."""

from django.http import HttpRequest

import vobject


def person_vcard(person, request: HttpRequest | None = None) -> str:
    card = vobject.vCard()
    card.add("fn").value = person.name
    parts = person.name.split()
    card.add("n").value = vobject.vcard.Name(family=parts[-1], given=" ".join(parts[:-1]))
    card.add("org").value = ["Distriktssenteret"]
    card.add("title").value = person.job_title
    if person.email:
        email = card.add("email")
        email.value = person.email
        email.type_param = "INTERNET"
    if person.phone:
        tel = card.add("tel")
        tel.value = person.phone
        tel.type_param = "WORK"
    if person.office_id:
        card.add("adr").value = vobject.vcard.Address(city=person.office.name, country="Noreg")
    if request is not None:
        url = person.get_absolute_url()
        if url:
            card.add("url").value = request.build_absolute_uri(url)
    return card.serialize()
