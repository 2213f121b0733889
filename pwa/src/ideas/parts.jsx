// Pieces shared by the idea screens.
import { useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { languageName } from "../lib/languages.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icons.jsx";
import { UserText } from "../ui/kit.jsx";
import { MachineMark, isMachineMade } from "../ui/Translated.jsx";

export const STATUSES = ["new", "being_looked_at", "planned", "done", "not_possible"];
const BADGES = { being_looked_at: "badge-warn", planned: "badge-ok", done: "badge-ok",
                 not_possible: "badge-bad" };

export function statusLabel(status) {
  const labels = { new: t("New"), being_looked_at: t("Being looked at"), planned: t("Planned"),
                   done: t("Done"), not_possible: t("Not possible") };
  return labels[status] || status;
}

export function IdeaStatus({ status }) {
  return <span class={`badge ${BADGES[status] || ""}`} data-status={status}>{statusLabel(status)}</span>;
}

export function useCategories() {
  const { data } = useApi("/categories", { cache: true });
  return data || [];
}

export const supporters = (count) => tn("{count} supporter", "{count} supporters", count);

/** The server's field errors may be nested (one per language): one flat list of messages. */
export function messages(error) {
  if (!error) return undefined;
  if (typeof error === "string") return [error];
  if (Array.isArray(error)) return error.flatMap(messages);
  return Object.values(error).flatMap(messages);
}

export function CategoryLabel({ slug, categories }) {
  const category = categories.find((c) => c.slug === slug);
  if (!category) return null;
  return <span><Icon name={category.icon} />{category.label}</span>;
}

export function IdeaCard({ idea, categories }) {
  const text = idea.text;
  return (
    <li>
      <Link class="card" href={`/ideas/${idea.id}`} data-idea={idea.id}>
        <h2><UserText text={text.title} language={text.language} /></h2>
        <p class="meta">
          <IdeaStatus status={idea.status} />
          <span data-supporters={idea.support.total}><Icon name="people" />{supporters(idea.support.total)}</span>
          <CategoryLabel slug={idea.category} categories={categories} />
        </p>
        {(text.fallback || idea.hidden || isMachineMade(text)) && (
          <p class="meta">
            {text.fallback && <span>{t("Shown in {language}", { language: languageName(text.language) })}</span>}
            <MachineMark text={text} />
            {idea.hidden && <span class="badge badge-bad">{t("Hidden")}</span>}
          </p>
        )}
      </Link>
    </li>
  );
}
