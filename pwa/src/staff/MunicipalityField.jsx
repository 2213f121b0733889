// Admins work in every municipality: on something new they say where it belongs.
// Everyone else's things belong to their own municipality, so they never see this field.
import { useApi } from "../lib/api.js";
import { t } from "../lib/i18n.js";
import { SelectField } from "../ui/kit.jsx";

/** ``nationwide``: the empty choice means all of the Netherlands (else: not chosen yet). */
export function MunicipalityField({ value, onValue, error, nationwide = false }) {
  const municipalities = useApi("/municipalities", { cache: true });
  const empty = nationwide ? t("All of the Netherlands") : t("Choose a municipality.");
  return (
    <SelectField label={t("Municipality")} name="municipality_id" value={value} onValue={onValue}
      error={error} options={[{ value: "", label: empty },
        ...(municipalities.data || []).map((m) => ({ value: String(m.id), label: m.name }))]} />
  );
}

export const orNone = (value) => (value === "" ? null : Number(value));
