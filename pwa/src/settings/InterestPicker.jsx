import { t } from "../lib/i18n.js";
import { useApi } from "../lib/api.js";
import { Chip, ErrorNote, Loading } from "../ui/kit.jsx";

export function useCategories() {
  return useApi("/categories", { cache: true });
}

export function InterestPicker({ chosen, onChange }) {
  const { data, error } = useCategories();
  if (error) return <ErrorNote error={error} />;
  if (!data) return <Loading />;
  const flip = (slug) => onChange(chosen.includes(slug) ? chosen.filter((s) => s !== slug)
                                                        : [...chosen, slug]);
  return (
    <fieldset class="chips">
      <legend>{t("Interests")}</legend>
      {data.map((c) => (
        <Chip key={c.slug} icon={c.icon} pressed={chosen.includes(c.slug)} onClick={() => flip(c.slug)}>
          {c.label}
        </Chip>
      ))}
    </fieldset>
  );
}
