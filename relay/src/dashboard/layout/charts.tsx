import type { FC } from 'hono/jsx';
import type { DayCounts } from '../data/overview';
import { formatDate, shortDay } from '../format';
import type { Lang, Messages } from '../i18n/index';

/** Share of the quota used, in whole percent (0 when there is no quota to speak of). */
export function usagePercent(used: number, quota: number): number {
  if (quota <= 0) return used > 0 ? 100 : 0;
  return Math.floor((used / quota) * 100);
}

export type UsageLevel = 'ok' | 'warning' | 'full';

/** The quota is nearly used up from 80 %, and used up at 100 %. */
export function usageLevel(used: number, quota: number): UsageLevel {
  const percent = usagePercent(used, quota);
  return percent >= 100 ? 'full' : percent >= 80 ? 'warning' : 'ok';
}

/** What to tell the reader about a quota nearly or fully used; undefined while there is room. */
export function usageWarningText(level: UsageLevel, t: Messages): string | undefined {
  if (level === 'warning') return t.overview.usageWarning;
  if (level === 'full') return t.overview.usageFull;
  return undefined;
}

/**
 * This month's usage against the quota as a bar. It is drawn with SVG lengths in percent, not
 * an inline style, so the page needs no `style-src 'unsafe-inline'`; the numbers are in the text.
 * `note={false}` leaves the warning out, for a page that shows it more prominently itself.
 */
export const UsageBar: FC<{ used: number; quota: number; t: Messages; note?: boolean }> = ({
  used,
  quota,
  t,
  note = true,
}) => {
  const percent = usagePercent(used, quota);
  const level = usageLevel(used, quota);
  const warning = note ? usageWarningText(level, t) : undefined;
  return (
    <div class={`usage usage-${level}`}>
      <p class="usage-numbers">
        <strong>{t.overview.usageOf(used, quota)}</strong>
        <span class="usage-percent">{t.overview.usagePercent(percent)}</span>
      </p>
      <svg class="usage-bar" width="100%" height="12" aria-hidden="true" focusable="false">
        <rect class="usage-track" x="0" y="0" width="100%" height="12" rx="6" />
        {percent > 0 ? (
          <rect class="usage-fill" x="0" y="0" width={`${Math.min(percent, 100)}%`} height="12" rx="6" />
        ) : null}
      </svg>
      {warning ? <p class="usage-note">{warning}</p> : null}
    </div>
  );
};

/** A round top for the y axis with at most five gridlines: 4, 8, 20, 50, 100, 200… */
export function chartScale(max: number): { top: number; step: number } {
  if (max <= 4) return { top: 4, step: 1 };
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude;
  return { top: Math.ceil(max / step) * step, step };
}

const WIDTH = 1000;
const HEIGHT = 260;
const LEFT = 44;
const RIGHT = 8;
const TOP = 12;
const BOTTOM = 28;
const SERIES = ['delivered', 'failed', 'pending'] as const;

/** One decimal is finer than a pixel and keeps the markup short. */
const r = (value: number) => Math.round(value * 10) / 10;

/**
 * Deliveries per day as stacked bars, drawn on the server: no script, and a table with the same
 * numbers for screen readers and for anyone who prefers figures.
 */
export const DeliveriesChart: FC<{ days: DayCounts[]; lang: Lang; t: Messages }> = ({ days, lang, t }) => {
  const totals = days.map((day) => day.delivered + day.failed + day.pending);
  const { top, step } = chartScale(Math.max(0, ...totals));
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(days.length, 1);
  const barWidth = r(Math.max(4, Math.min(22, slot * 0.62)));
  const y = (value: number) => r(TOP + plotHeight - (value / top) * plotHeight);
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  const sum = (key: (typeof SERIES)[number]) => days.reduce((total, day) => total + day[key], 0);
  const total = totals.reduce((a, b) => a + b, 0);
  const label = { delivered: t.overview.delivered, failed: t.overview.failedShort, pending: t.overview.pending };
  const fmt = (value: number) => value.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-US');

  return (
    <figure class="chart">
      <p class="chart-summary" id="chart-summary">
        {total > 0 ? t.overview.chartDescription(total, sum('delivered'), sum('failed')) : t.overview.chartEmpty}
      </p>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby="chart-title chart-summary"
        focusable="false"
      >
        <title>{t.overview.chartTitle}</title>
        <g class="chart-grid">
          {ticks.map((tick) => (
            <g>
              <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} class={tick === 0 ? 'chart-baseline' : ''} />
              <text x={LEFT - 8} y={y(tick) + 4} text-anchor="end" class="chart-axis">
                {fmt(tick)}
              </text>
            </g>
          ))}
        </g>
        {days.map((day, index) => {
          const x = r(LEFT + index * slot + (slot - barWidth) / 2);
          let base = 0;
          const tooltip = `${formatDate(`${day.date}T12:00:00+09:00`, lang)} — ${SERIES.map(
            (key) => `${label[key]} ${fmt(day[key])}`,
          ).join(', ')}`;
          return (
            <g class="chart-day">
              <title>{tooltip}</title>
              {/* The whole slot catches the pointer, so the tooltip shows on empty days too. */}
              <rect class="chart-hit" x={r(LEFT + index * slot)} y={TOP} width={r(slot)} height={plotHeight} />
              {SERIES.map((key) => {
                const value = day[key];
                if (value === 0) return null;
                const from = base;
                base += value;
                return (
                  <rect
                    class={`bar bar-${key}`}
                    x={x}
                    y={y(base)}
                    width={barWidth}
                    height={r(Math.max(1, y(from) - y(base)))}
                  />
                );
              })}
              {(days.length - 1 - index) % 7 === 0 ? (
                <text x={r(x + barWidth / 2)} y={HEIGHT - 8} text-anchor="middle" class="chart-axis">
                  {shortDay(day.date)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul class="legend">
        {SERIES.map((key) => (
          <li>
            <span class={`swatch swatch-${key}`} aria-hidden="true"></span>
            {label[key]}
          </li>
        ))}
      </ul>
      <details class="chart-table">
        <summary>{t.overview.chartTable}</summary>
        <div class="table-wrap">
          <table class="table table-compact">
            <caption class="visually-hidden">{t.overview.chartTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{t.overview.date}</th>
                {SERIES.map((key) => (
                  <th scope="col" class="num">
                    {label[key]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days.map((day) => (
                <tr>
                  <th scope="row">
                    <time datetime={day.date}>{formatDate(`${day.date}T12:00:00+09:00`, lang)}</time>
                  </th>
                  {SERIES.map((key) => (
                    <td class="num">{fmt(day[key])}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
};
