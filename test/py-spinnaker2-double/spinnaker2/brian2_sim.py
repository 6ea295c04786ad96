"""py-spinnaker2's software backend; the double validates the network and writes the report."""
from spinnaker2.hardware import _report


class Brian2Backend:
    def run(self, net, timesteps, **options):
        _report(net, timesteps, "Brian2Backend")
