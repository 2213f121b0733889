import { useApi } from "../lib/api.js";
import { formatDateTime, t, tn } from "../lib/i18n.js";
import { Empty, ErrorNote, Loading, Page } from "../ui/kit.jsx";
import { SignupBadge } from "../activities/parts.jsx";

export default function Signups({ params }) {
  const id = Number(params.id);
  const { data, error, offline } = useApi(`/activities/${id}/signups`, { cache: true });
  const going = data?.filter((s) => s.status === "confirmed").length || 0;
  return (
    <Page title={t("Who signed up")} back={`/activities/${id}`} offline={offline}>
      <ErrorNote error={error} />
      {!data && !error && <Loading />}
      {data?.length > 0 && <p>{tn("{count} person is going", "{count} people are going", going)}</p>}
      {data?.length === 0 && <Empty>{t("Nobody has signed up yet.")}</Empty>}
      {data?.length > 0 && (
        <table class="table">
          <thead><tr><th scope="col">{t("Name")}</th><th scope="col">{t("Status")}</th><th scope="col">{t("Signed up")}</th></tr></thead>
          <tbody>
            {data.map((s, i) => (
              <tr key={i}>
                <td><bdi>{s.display_name}</bdi></td>
                <td>{s.status === "cancelled" ? t("Cancelled") : <SignupBadge status={s.status} />}</td>
                <td>{formatDateTime(s.signed_up_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
