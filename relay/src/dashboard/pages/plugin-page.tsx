import type { FC } from 'hono/jsx';
import { Card, CopyButton } from '../layout/components';
import { AppLayout } from '../layout/layout';
import type { View } from '../layout/view';

export const PluginPage: FC<{ view: View; relayUrl: string; hasKeys: boolean }> = ({ view, relayUrl, hasKeys }) => {
  const p = view.t.plugin;
  return (
    <AppLayout view={view} title={p.title} lead={p.lead}>
      <Card class="card-highlight download">
        <p>
          <a class="button button-primary" href="/download/plugin.zip" download>
            {p.download}
          </a>
        </p>
        <p class="hint">{p.downloadHelp}</p>
      </Card>
      <Card title={p.systemTitle} id="import">
        <ol class="numbered">
          {p.systemSteps.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
      </Card>
      <Card title={p.appTitle} id="configure">
        <ol class="numbered">
          {p.appSteps.map((step, index) => (
            <li>
              {step}
              {index === 3 ? (
                <dl class="settings-values">
                  <div>
                    <dt>
                      <label for="relay-url">{p.relayUrl}</label>
                    </dt>
                    <dd class="copy-row">
                      <input
                        id="relay-url"
                        type="text"
                        class="secret-input"
                        value={relayUrl}
                        readonly
                        data-select-on-focus=""
                      />
                      <CopyButton target="relay-url" label={p.copy} done={p.copied} />
                    </dd>
                  </div>
                  <div>
                    <dt>{p.connectionKey}</dt>
                    <dd>
                      {p.connectionKeyValue}
                      {hasKeys ? null : (
                        <>
                          {' — '}
                          <a href="/dashboard/keys">{p.issueKey}</a>
                        </>
                      )}
                    </dd>
                  </div>
                </dl>
              ) : null}
            </li>
          ))}
        </ol>
      </Card>
      <Card title={p.tokenTitle} id="api-token">
        <p>{p.tokenLead}</p>
        <ol class="numbered">
          {p.tokenSteps.map((step) => (
            <li>{step}</li>
          ))}
        </ol>
      </Card>
      <p class="hint">{p.upgradeNote}</p>
    </AppLayout>
  );
};
