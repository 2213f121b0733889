// What young people thought of one activity: totals and comments, never who said what.
import { useApi } from "../lib/api.js";
import { t, tn } from "../lib/i18n.js";
import { ErrorNote, Loading, Page, Section, UserText } from "../ui/kit.jsx";

export function Totals({ totals }) {
  if (!totals.shown) {
    return (
      <p class="note" data-shown="false">
        {tn("The totals are shown once {count} young person has answered, so that no answer points to one person.",
            "The totals are shown once {count} young people have answered, so that no answer points to one person.",
            totals.minimum)}
      </p>
    );
  }
  return (
    <dl class="stats">
      <div><dt>{t("Liked it")}</dt><dd data-stat="liked">{totals.liked}</dd></div>
      <div><dt>{t("Did not like it")}</dt><dd data-stat="not-liked">{totals.not_liked}</dd></div>
    </dl>
  );
}

export const answered = (count) => tn("{count} young person answered", "{count} young people answered", count);

export default function FeedbackTotals({ params }) {
  const id = Number(params.id);
  const { data, error } = useApi(`/activities/${id}/feedback`);
  return (
    <Page title={t("What young people thought")} back="/feedback/results">
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <p data-responses={data.responses}>{answered(data.responses)}</p>
          <Totals totals={data} />
          {data.comments?.length > 0 && (
            <Section title={t("What they wrote")} id="comments">
              <ul>{data.comments.map((c, i) => <li key={i}><UserText text={c} /></li>)}</ul>
            </Section>
          )}
        </>
      )}
    </Page>
  );
}
