from . import test_vip_task_control
