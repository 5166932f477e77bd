from . import vip_task_control_wizard
