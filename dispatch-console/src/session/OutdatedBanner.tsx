/** [CM6] The server speaks a newer protocol than this console was built for: only a reload fixes that. */
export function OutdatedBanner() {
  return (
    <div className="outdated-banner" role="alert" data-testid="protocol-outdated">
      <strong>This console is out of date — reload</strong>
      <span>The server has been updated; reload the page to get the console that goes with it.</span>
      <button type="button" className="primary" data-testid="reload" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
