import { useState } from "preact/hooks";
import { query } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { usePages } from "../lib/pages.js";
import { currentUser, isStaff } from "../lib/session.js";
import { Button, ButtonLink, Chip, Empty, ErrorNote, Loading, Page, SelectField } from "../ui/kit.jsx";
import { FeedbackDue } from "./Feedback.jsx";
import { IdeaCard, STATUSES, statusLabel, useCategories } from "./parts.jsx";

const PAGE = 20;

export default function IdeaList({ query: params }) {
  const user = currentUser.value;
  const categories = useCategories();
  const [sort, setSort] = useState(params?.get("sort") === "newest" ? "newest" : "support");
  const [status, setStatus] = useState([]);
  const [category, setCategory] = useState("");
  const ideas = usePages("/ideas" + query({ sort, status, category, limit: PAGE }), { cache: true });
  const { items, offline } = ideas;
  const error = items ? undefined : ideas.error;
  const youth = user?.role === "youth";
  const flip = (s) => setStatus(status.includes(s) ? status.filter((x) => x !== s) : [...status, s]);
  return (
    <Page title={t("Ideas")} offline={offline}
      actions={youth && <ButtonLink href="/ideas/new" icon="plus" kind="secondary">{t("Propose")}</ButtonLink>}>
      <p class="hint">{t("What would you organise if you were the boss? Propose it, support the ideas you like. Staff answer every idea.")}</p>
      {youth && <FeedbackDue />}
      {isStaff(user) && (
        <div class="btn-row">
          <ButtonLink href="/ideas/stats" kind="secondary" icon="chart">{t("Ideas waiting for an answer")}</ButtonLink>
          <ButtonLink href="/feedback/results" kind="secondary" icon="heart">{t("Feedback after activities")}</ButtonLink>
        </div>
      )}
      <fieldset class="chips">
        <legend>{t("Sort by")}</legend>
        <Chip data-sort="support" pressed={sort === "support"} onClick={() => setSort("support")}>{t("Most support")}</Chip>
        <Chip data-sort="newest" pressed={sort === "newest"} onClick={() => setSort("newest")}>{t("Newest")}</Chip>
      </fieldset>
      <fieldset class="chips">
        <legend>{t("Show only")}</legend>
        {STATUSES.map((s) => (
          <Chip key={s} data-filter={s} pressed={status.includes(s)} onClick={() => flip(s)}>{statusLabel(s)}</Chip>
        ))}
      </fieldset>
      <SelectField label={t("Category")} value={category} onValue={setCategory}
        options={[{ value: "", label: t("All categories") },
                  ...categories.map((c) => ({ value: c.slug, label: c.label }))]} />
      <ErrorNote error={error} />
      {!items && !error && <Loading />}
      {items && (
        <>
          <p role="status">{tn("{count} idea", "{count} ideas", ideas.info.total ?? items.length)}</p>
          {items.length === 0 && <Empty>{t("No ideas found.")}</Empty>}
          <ul class="card-list">
            {items.map((idea) => <IdeaCard key={idea.id} idea={idea} categories={categories} />)}
          </ul>
          <ErrorNote error={ideas.error} />
          {ideas.more && (
            <Button kind="secondary" busy={ideas.loading} onClick={ideas.loadMore}>{t("Show more")}</Button>
          )}
        </>
      )}
    </Page>
  );
}
