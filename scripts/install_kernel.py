"""Installs the "Java (stegvis)" kernelspec into the running Python's prefix (the project venv).

The spec (kernel/kernel.json) runs kernel/stegvis-kernel, which starts JJava (the jar that
`pip install jjava` put in the same prefix) in one JVM with the project jar and its dependencies on the
class path and a class-data archive of them; kernel/startup.jshell is inlined as JJAVA_STARTUP_SCRIPT.
Run it again after changing kernel.json or startup.jshell.
"""
import json
import sys
import tempfile
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager

KERNEL_NAME = "stegvis"


def main() -> int:
    home = Path(__file__).resolve().parent.parent
    jjava_dir = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "java"
    if not (jjava_dir / "jjava.jar").is_file():
        print(f"install_kernel: {jjava_dir}/jjava.jar missing; is jjava installed in this venv?", file=sys.stderr)
        return 1
    startup = (home / "kernel" / "startup.jshell").read_text(encoding="utf-8")
    template = (home / "kernel" / "kernel.json").read_text(encoding="utf-8")
    spec = json.loads(template)
    spec["argv"] = [a.replace("@JJAVA_DIR@", str(jjava_dir)).replace("@HOME@", str(home)) for a in spec["argv"]]
    spec["env"] = {k: v.replace("@HOME@", str(home)).replace("@STARTUP@", startup) for k, v in spec["env"].items()}
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "kernel.json").write_text(json.dumps(spec, indent=2, ensure_ascii=False), encoding="utf-8")
        dest = KernelSpecManager().install_kernel_spec(tmp, KERNEL_NAME, prefix=sys.prefix)
    print(f"installed kernel '{KERNEL_NAME}' (Java (stegvis)) in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
