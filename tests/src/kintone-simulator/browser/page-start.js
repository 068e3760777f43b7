// Starts the screen on DOMContentLoaded, i.e. after every plug-in script has run and registered its handlers.
(() => {
  const lib = window.__kintoneSimLib;
  const { page, sim } = lib;

  /** "Update App": deploys the saved plug-in settings, then kintone returns to the app's record list. */
  function flowScreen() {
    const deploy = document.querySelector('[data-testid="deploy"]');
    deploy?.addEventListener('click', async () => {
      deploy.disabled = true;
      const response = await lib.request('POST', '/__sim/api/deploy', { app: page.app.id });
      if (!response.ok) {
        lib.fail(new Error(response.body?.message || 'Update App failed'));
        deploy.disabled = false;
        return;
      }
      lib.navigate(page.paths.index);
    });
  }

  async function start() {
    const screens = { ...lib.screens, flow: flowScreen };
    try {
      await screens[page.kind]?.();
    } catch (error) {
      lib.showRecordError(error instanceof Error ? error.message : String(error));
      console.error('[kintone simulator] screen failed', error);
    }
    sim.ready = true;
    document.body.dataset.simReady = 'true';
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
