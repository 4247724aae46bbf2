"""What every public form shares: Designsystemet classes and errors tied to their fields."""

from django import forms


class AccessibleFormMixin:
    """Give each widget the input class, and mark fields with errors for screen readers.

    A field with errors gets `aria-invalid="true"` and `aria-describedby` pointing at the
    message that `components/form_field.html` renders with the id `<field id>-error`.
    """

    fields: dict[str, forms.Field]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        for field in self.fields.values():
            if not isinstance(
                field.widget, forms.CheckboxInput | forms.CheckboxSelectMultiple | forms.RadioSelect
            ):
                field.widget.attrs.setdefault("class", "ds-input")

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            if name in self.fields:
                bound = self[name]  # type: ignore[index]
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{bound.auto_id}-error"}
                )
