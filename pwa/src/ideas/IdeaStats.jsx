// Nobody goes unheard: ideas waiting for a first answer, and how quickly ideas are answered.
import { useApi } from "../lib/api.js";
import { formatShare as share, t, tn } from "../lib/i18n.js";
import { Link } from "../router.js";
import { Icon } from "../ui/icons.jsx";
import { Button, Empty, ErrorNote, Loading, Page, Section, UserText } from "../ui/kit.jsx";
import { supporters } from "./parts.jsx";

function duration(hours) {
  if (hours == null) return "–";
  if (hours < 48) return tn("{count} hour", "{count} hours", Math.round(hours));
  return tn("{count} day", "{count} days", Math.round(hours / 24));
}

export default function IdeaStats() {
  const { data, error, reload } = useApi("/ideas/stats");
  return (
    <Page title={t("Ideas waiting for an answer")} back="/ideas">
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data && (
        <>
          <dl class="stats">
            <div><dt>{t("Waiting for a first answer")}</dt><dd data-stat="waiting">{data.waiting_count}</dd></div>
            <div><dt>{t("Answered within 14 days")}</dt><dd data-stat="share">{share(data.share_answered_within_14_days)}</dd></div>
            <div><dt>{t("Median time to a first answer")}</dt><dd data-stat="median">{duration(data.median_hours_to_first_answer)}</dd></div>
          </dl>
          <Button kind="secondary" onClick={reload}>{t("Refresh")}</Button>
          <Section title={t("Oldest first")} id="waiting">
            {data.waiting.length === 0 ? <Empty>{t("Every idea has an answer.")}</Empty> : (
              <ul class="card-list">
                {data.waiting.map((idea) => (
                  <li key={idea.id}>
                    <Link class="card" href={`/ideas/${idea.id}`} data-idea={idea.id}>
                      <h3><UserText text={idea.text.title} language={idea.text.language} /></h3>
                      <p class="meta">
                        <span><Icon name="clock" />{tn("Waiting for {count} day", "Waiting for {count} days", idea.waiting_days)}</span>
                        <span><Icon name="people" />{supporters(idea.supporters)}</span>
                      </p>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
    </Page>
  );
}
